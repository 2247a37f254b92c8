package dev.warden.query.governance;

import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicySet;
import dev.warden.query.governance.DryRunReport.Change;
import dev.warden.query.governance.DryRunReport.Example;
import dev.warden.query.governance.DryRunReport.Rule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a dry run as the decisions stream by: each decision is counted once, and a changed one
 * joins the group of its recorded and proposed outcome, which keeps its first {@code shown} as examples
 * (so memory holds counts and examples, never the decisions).
 */
final class DryRunTally {

    private final int shown;
    private final Map<Outcome, Map<Outcome, Group>> groups = new EnumMap<>(Outcome.class);
    private long decisions;
    private long kept;
    private long notReEvaluable;
    private long unchanged;
    private long changed;

    DryRunTally(int shown) {
        this.shown = shown;
    }

    /** A decision a state or an approval gave: it stands. */
    void kept() {
        decisions++;
        kept++;
    }

    /** A decision whose arguments can no longer be read. */
    void notReEvaluable() {
        decisions++;
        notReEvaluable++;
    }

    /** A decision evaluated again: {@code verdict} is what the rules with the proposed policy say. */
    void evaluated(RecordedDecision decision, PolicySet.Verdict verdict) {
        decisions++;
        Outcome now = Wire.outcomeOf(verdict.effect());
        if (now == decision.outcome()) {
            unchanged++;
            return;
        }
        changed++;
        Group group = groups.computeIfAbsent(decision.outcome(), o -> new EnumMap<>(Outcome.class))
                .computeIfAbsent(now, o -> new Group());
        group.count++;
        if (group.examples.size() < shown) {
            group.examples.add(new Example(decision.id(), decision.agentSessionId(), decision.toolName(),
                    decision.argumentsHash(), decision.decidedAt(),
                    new Rule(decision.policyId(), decision.policyVersion(), decision.ruleName(), decision.reason()),
                    new Rule(verdict.policyId(), verdict.policyVersion(), verdict.ruleName(), verdict.reason())));
        }
    }

    /** The report: the changes, most frequent first. */
    DryRunReport report(Instant from, Instant to) {
        List<Change> changes = new ArrayList<>();
        groups.forEach((was, byNow) -> byNow.forEach((now, group) ->
                changes.add(new Change(was, now, group.count, List.copyOf(group.examples)))));
        changes.sort(Comparator.comparingLong(Change::count).reversed());
        return new DryRunReport(from, to, new DryRunReport.Totals(decisions, kept, notReEvaluable,
                unchanged + changed, unchanged, changed), List.copyOf(changes));
    }

    private static final class Group {
        long count;
        final List<Example> examples = new ArrayList<>();
    }
}
