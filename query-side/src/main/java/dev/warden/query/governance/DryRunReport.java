package dev.warden.query.governance;

import dev.warden.events.governance.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * What a dry run found over the decisions made from {@code from} (inclusive) to {@code to} (exclusive): how
 * many there were, how many a rule or the default gave and were evaluated again, how many could not be (their
 * arguments shredded), and the changes grouped by recorded and proposed outcome, each with a few examples.
 */
public record DryRunReport(Instant from, Instant to, Totals totals, List<Change> changes) {

    /**
     * {@code decisions} in the range: {@code keptAsRecorded} (a server's or session's state or an approval
     * gave them), {@code notReEvaluable} (arguments no longer readable), and {@code reEvaluated}, which are
     * {@code unchanged} or {@code changed}.
     */
    public record Totals(long decisions, long keptAsRecorded, long notReEvaluable, long reEvaluated, long unchanged,
                         long changed) {
    }

    /** The decisions whose outcome would go {@code from} one {@code to} another: how many, and the first few. */
    public record Change(Outcome from, Outcome to, long count, List<Example> examples) {
    }

    /** One changed decision: the call, and the rule that gave its recorded outcome and the one that would now. */
    public record Example(String decisionId, String agentSessionId, String toolName, String argumentsHash,
                          Instant decidedAt, Rule oldRule, Rule newRule) {
    }

    /** What gave an outcome: a policy's rule, or (all null) the organization's default; and why, in a sentence. */
    public record Rule(String policyId, Integer policyVersion, String ruleName, String reason) {
    }
}
