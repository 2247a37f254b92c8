package dev.warden.query.governance;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.RuleChecks;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.TextParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dry run: the organization's current policies and default, with a proposed policy in place of one of
 * them (or added), evaluated against every decision recorded in a time range that a rule or the default gave,
 * with the arguments opened from their ciphertext. It compares each new outcome with the recorded one and
 * reports the changes. It reads and writes nothing else: no table, no data key.
 */
@Component
public class PolicyDryRun {

    /** The most examples a change may show. */
    public static final int MAX_EXAMPLES = 20;
    /** Examples per change when the request names no number. */
    public static final int DEFAULT_EXAMPLES = 5;
    /** The id a new proposed policy has in the report's rules. */
    public static final String NEW_POLICY_ID = "proposed";

    private final PolicyQueries policies;
    private final RecordedDecisions decisions;
    private final DecisionArguments arguments;

    PolicyDryRun(PolicyQueries policies, RecordedDecisions decisions, DecisionArguments arguments) {
        this.policies = policies;
        this.decisions = decisions;
        this.arguments = arguments;
    }

    /**
     * The report on the organization's decisions made from {@code from} (inclusive) to {@code to} (exclusive)
     * with {@code proposed}, each change with up to {@code examples} examples.
     */
    public DryRunReport run(String organizationId, ProposedPolicy proposed, Instant from, Instant to,
                            Integer examples) {
        int shown = examples == null ? DEFAULT_EXAMPLES : examples;
        if (shown < 0 || shown > MAX_EXAMPLES) {
            throw invalid("examples is a number from 0 to " + MAX_EXAMPLES);
        }
        checkRange(from, to);
        PolicySet replayed = policies.policySet(organizationId).with(policy(organizationId, proposed));
        DryRunTally tally = new DryRunTally(shown);
        decisions.forEach(organizationId, from, to, decision -> {
            if (!decision.decidedByRules()) {
                tally.kept();
                return;
            }
            Optional<Map<String, Object>> opened = arguments.open(organizationId, decision);
            if (opened.isEmpty()) {
                tally.notReEvaluable();
            } else {
                tally.evaluated(decision, replayed.evaluate(decision.call(opened.get())));
            }
        });
        return tally.report(from, to);
    }

    /** The proposed policy as the rules evaluate it, its rules checked as a write would check them. */
    private PolicySet.Policy policy(String organizationId, ProposedPolicy proposed) {
        List<PolicyRule> rules = proposed.rules() == null ? null : RuleChecks.check(proposed.rules());
        if (proposed.policyId() == null) {
            return new PolicySet.Policy(NEW_POLICY_ID, 1, or(proposed.priority(), CreatePolicyCommand.DEFAULT_PRIORITY), Long.MAX_VALUE,
                    or(proposed.mode(), PolicyMode.ENFORCE), or(proposed.enabled(), true),
                    rules == null ? List.of() : rules);
        }
        String policyId = IdKind.POLICY.require(proposed.policyId());
        PolicyView current = policies.policy(organizationId, policyId)
                .orElseThrow(() -> IdKind.POLICY.notFound(policyId));
        if (current.deleted()) {
            throw new DomainException(GovernanceErrorCode.POLICY_DELETED, "Policy " + policyId
                    + " was deleted; propose it as a new policy instead");
        }
        PolicySet.Policy evaluated = PolicyQueries.evaluated(current);
        return new PolicySet.Policy(policyId, rules == null ? current.version() : current.version() + 1,
                or(proposed.priority(), current.priority()), evaluated.createdAt(), or(proposed.mode(), current.mode()),
                or(proposed.enabled(), current.enabled()), rules == null ? current.rules() : rules);
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null) {
            throw invalid("from and to are needed: the decisions made from 'from' (inclusive) to 'to' (exclusive)");
        }
        for (Instant at : List.of(from, to)) {
            if (at.isBefore(TextParameters.EARLIEST) || at.isAfter(TextParameters.LATEST)) {
                throw invalid("from and to lie between " + TextParameters.EARLIEST + " and " + TextParameters.LATEST);
            }
        }
        if (!from.isBefore(to)) {
            throw invalid("from must be before to");
        }
    }

    private static <T> T or(T given, T otherwise) {
        return given == null ? otherwise : given;
    }

    private static DomainException invalid(String message) {
        return new DomainException(GovernanceErrorCode.INVALID_DRY_RUN, message);
    }
}
