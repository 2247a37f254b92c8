package dev.warden.query.governance;

import static dev.warden.query.governance.GovernanceTestData.decided;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.SealedArguments;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.governance.DryRunReport.Change;
import dev.warden.query.governance.DryRunReport.Example;
import dev.warden.query.governance.GovernanceTestData.By;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dry run on recorded decisions: decisions projected as the command side records them (arguments sealed
 * under the organization's governance data key), then a proposed policy evaluated against them. Only the
 * decisions a rule or the default gave are evaluated again; the changes are grouped by recorded and proposed
 * outcome with examples; a shredded key or a ciphertext that does not open makes a decision not re-evaluable;
 * and nothing in any table changes.
 */
class PolicyDryRunIT {

    private static final String CONTRACTOR = IdKind.ROLE.next();
    private static final PolicyRule DENY_PROD = rule("deny-prod", "db.*", null, condition("/env", "prod"), Effect.DENY);
    private static final PolicyRule APPROVE_PAY = rule("approve-pay", "db.pay", null, null, Effect.REQUIRE_APPROVAL);
    private static final PolicyRule ALLOW_DB = rule("allow-db", "db.*", null, null, Effect.ALLOW);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final PolicyProjection policies = ReadModelDatabase.bean(PolicyProjection.class);
    private final AgentSessionProjection sessions = ReadModelDatabase.bean(AgentSessionProjection.class);
    private final ApprovalProjection approvals = ReadModelDatabase.bean(ApprovalProjection.class);
    private final PolicyDryRun dryRun = new PolicyDryRun(ReadModelDatabase.bean(PolicyQueries.class),
            ReadModelDatabase.bean(RecordedDecisions.class), new DecisionArguments(ReadModelDatabase.dataKeys()));
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String policyId = IdKind.POLICY.next();
    private final String sessionId = IdKind.AGENT_SESSION.next();
    private final String serverId = IdKind.MCP_SERVER.next();
    private final List<String> ids = new ArrayList<>();

    @Test
    void aReplacedPolicyChangesTheDecisionsItWouldDecideOtherwise() {
        recordHistory();
        PolicyRule approveProd = rule("approve-prod", "db.*", null, condition("/env", "prod"), Effect.REQUIRE_APPROVAL);
        PolicyRule noContractors = rule("no-contractors", "db.query", new CallerMatch(null, List.of(CONTRACTOR), null,
                null), null, Effect.DENY);
        PolicyRule alertBigLimits = rule("alert-limit", "db.query",
                null, new ArgumentCondition("/limit", ArgumentCondition.Operator.IN, List.of(5.0, 50)), Effect.ALERT);
        List<List<Map<String, Object>>> before = tables();

        DryRunReport report = dryRun.run(orgId, new ProposedPolicy(policyId, null, null, null, List.of(approveProd,
                noContractors, alertBigLimits, APPROVE_PAY, ALLOW_DB)), at, at.plusSeconds(100), 2);

        assertThat(report.totals()).isEqualTo(new DryRunReport.Totals(10, 2, 1, 7, 2, 5));
        assertThat(report.changes()).extracting(Change::from, Change::to, Change::count).containsExactly(
                tuple(Outcome.ALLOW, Outcome.ALERT, 3L),
                tuple(Outcome.ALLOW, Outcome.DENY, 1L),
                tuple(Outcome.DENY, Outcome.APPROVAL_REQUIRED, 1L));
        Change alerts = report.changes().get(0);
        assertThat(alerts.examples()).as("the first two of three").extracting(Example::decisionId)
                .containsExactly(ids.get(2), ids.get(3));
        Example example = alerts.examples().get(0);
        assertThat(example.toolName()).isEqualTo("db.query");
        assertThat(example.argumentsHash()).isEqualTo("sha256-of-" + ids.get(2));
        assertThat(example.decidedAt()).isEqualTo(at.plusSeconds(2));
        assertThat(example.oldRule()).isEqualTo(new DryRunReport.Rule(policyId, 1, "allow-db", "Matched rule 'allow-db'"));
        assertThat(example.newRule().policyId()).isEqualTo(policyId);
        assertThat(example.newRule().policyVersion()).isEqualTo(2);
        assertThat(example.newRule().ruleName()).isEqualTo("alert-limit");
        assertThat(report.changes().get(1).examples()).extracting(Example::decisionId).containsExactly(ids.get(1));
        assertThat(report.changes().get(2).examples().get(0).newRule().ruleName()).isEqualTo("approve-prod");
        assertThat(tables()).as("nothing changed in any table").isEqualTo(before);
    }

    @Test
    void aNewPolicyJoinsTheOthersInPriorityOrderAndInMonitorModeChangesNoOutcome() {
        recordHistory();
        PolicyRule allowFiles = rule("allow-files", "fs.*", null, null, Effect.ALLOW);
        DryRunReport files = dryRun.run(orgId, new ProposedPolicy(null, null, null, null, List.of(allowFiles)), at,
                at.plusSeconds(100), null);
        assertThat(files.changes()).extracting(Change::from, Change::to, Change::count)
                .containsExactly(tuple(Outcome.DENY, Outcome.ALLOW, 1L));
        assertThat(files.changes().get(0).examples().get(0).newRule().policyId()).isEqualTo(PolicyDryRun.NEW_POLICY_ID);
        assertThat(files.changes().get(0).examples().get(0).oldRule().policyId()).as("the default decided").isNull();

        PolicyRule denyAll = rule("deny-all", "*", null, null, Effect.DENY);
        DryRunReport watched = dryRun.run(orgId, new ProposedPolicy(null, PolicyMode.MONITOR, 0, null,
                List.of(denyAll)), at, at.plusSeconds(100), 0);
        assertThat(watched.totals().reEvaluated()).isEqualTo(7);
        assertThat(watched.changes()).as("a monitor-mode policy only records what it would do").isEmpty();
        DryRunReport firstOnly = dryRun.run(orgId, new ProposedPolicy(null, PolicyMode.ENFORCE, 0, null,
                List.of(denyAll)), at, at.plusSeconds(100), 0);
        assertThat(firstOnly.changes()).extracting(Change::from, Change::to, Change::count).containsExactly(
                tuple(Outcome.ALLOW, Outcome.DENY, 4L), tuple(Outcome.APPROVAL_REQUIRED, Outcome.DENY, 1L));
        assertThat(firstOnly.changes().get(0).examples()).isEmpty();

        PolicyRule allowAll = rule("allow-all", "*", null, null, Effect.ALLOW);
        DryRunReport behind = dryRun.run(orgId, new ProposedPolicy(null, null, 1000, true, List.of(allowAll)), at,
                at.plusSeconds(100), null);
        assertThat(behind.changes()).as("after the policy whose rules match first: only the default's decision")
                .extracting(Change::from, Change::to, Change::count)
                .containsExactly(tuple(Outcome.DENY, Outcome.ALLOW, 1L));
        assertThat(dryRun.run(orgId, new ProposedPolicy(null, null, 0, false, List.of(allowAll)), at,
                at.plusSeconds(100), null).totals().changed()).as("a disabled proposal").isZero();
    }

    @Test
    void decisionsWhoseKeyWasShreddedAreNotReEvaluable() {
        recordHistory();
        ReadModelDatabase.dataKeys().destroy(SealedArguments.subject(orgId));
        List<List<Map<String, Object>>> before = tables();

        DryRunReport report = dryRun.run(orgId, new ProposedPolicy(policyId, null, null, null,
                List.of(rule("deny-all", "*", null, null, Effect.DENY))), at, at.plusSeconds(100), null);

        assertThat(report.totals()).isEqualTo(new DryRunReport.Totals(10, 2, 8, 0, 0, 0));
        assertThat(report.changes()).isEmpty();
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void onlyTheRangeIsRead() {
        recordHistory();
        DryRunReport report = dryRun.run(orgId, new ProposedPolicy(policyId, null, null, null, List.of()),
                at.plusSeconds(2), at.plusSeconds(4), null);
        assertThat(report.totals().decisions()).isEqualTo(2);
        assertThat(dryRun.run(IdKind.ORGANIZATION.next(), new ProposedPolicy(null, null, 1, null, List.of()), at,
                at.plusSeconds(100), null).totals().decisions()).as("another organization's").isZero();
    }

    /**
     * The organization's policy (deny db calls to prod, hold payments, allow the rest of db) and ten decisions in the range
     * (one more before it), each as these rules gave it, but for the state, approval and sealing cases:
     * 0 deny prod; 1 allow, by a contractor; 2-4 allow with a limit of 5 or 50; 5 fs.read denied by the
     * default; 6 denied as the server was suspended; 7 allowed following an approval; 8 arguments sealed for
     * another decision; 9 a payment held for approval, opening its approval.
     */
    private void recordHistory() {
        policies.on(new PolicyCreatedEvent(policyId, orgId, "Databases", null, PolicyMode.ENFORCE, 10,
                List.of(DENY_PROD, APPROVE_PAY, ALLOW_DB)), next(at.minusSeconds(60)), "usr_author");
        sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "bot", "key_caller", "usr_caller", null),
                next(at.minusSeconds(60)));
        record(at.minusSeconds(1), decided("db.query", Map.of("env", "dev"), List.of(), Outcome.ALLOW, allowDb()));
        record(at, decided("db.query", Map.of("env", "prod"), List.of(), Outcome.DENY, By.rule(policyId, 1,
                "deny-prod")));
        record(at.plusSeconds(1), decided("db.query", Map.of("env", "dev"), List.of(CONTRACTOR), Outcome.ALLOW,
                allowDb()));
        record(at.plusSeconds(2), decided("db.query", Map.of("env", "dev", "limit", 5), List.of(), Outcome.ALLOW,
                allowDb()));
        record(at.plusSeconds(3), decided("db.query", Map.of("limit", 50), List.of(), Outcome.ALLOW, allowDb()));
        record(at.plusSeconds(4), decided("db.query", Map.of("limit", 5.0), List.of(), Outcome.ALLOW, allowDb()));
        record(at.plusSeconds(5), decided("fs.read", Map.of(), List.of(), Outcome.DENY, By.defaultEffect("deny")));
        record(at.plusSeconds(6), decided("db.query", Map.of("env", "prod"), List.of(), Outcome.DENY,
                By.state(DecisionBasis.SERVER, "Denied: MCP server " + serverId + " is suspended")));
        record(at.plusSeconds(7), decided("db.query", Map.of("env", "prod"), List.of(), Outcome.ALLOW,
                By.approval(IdKind.APPROVAL.next())));
        ToolCallDecidedEvent sealedElsewhere = decided("db.query", Map.of("env", "prod"), List.of(), Outcome.DENY,
                By.rule(policyId, 1, "deny-prod"));
        record(at.plusSeconds(8), withArguments(sealedElsewhere, GovernanceTestData.seal(orgId, sessionId,
                IdKind.DECISION.next(), Map.of("env", "prod"))));
        String approvalId = IdKind.APPROVAL.next();
        ToolCallDecidedEvent opening = decided("db.pay", Map.of("amount", 10), List.of(), Outcome.APPROVAL_REQUIRED,
                By.rule(policyId, 1, "approve-pay").opening(approvalId));
        record(at.plusSeconds(9), opening);
        approvals.on(new ApprovalRequestedEvent(sessionId, orgId, approvalId, opening.decisionId(), serverId,
                "db.pay", opening.argumentsHash(), policyId, 1, "approve-pay", at.plusSeconds(900)),
                next(at.plusSeconds(9)));
        record(at.plusSeconds(100), decided("db.query", Map.of("env", "prod"), List.of(), Outcome.DENY,
                By.rule(policyId, 1, "deny-prod")));
        ids.remove(0);
    }

    private By allowDb() {
        return By.rule(policyId, 1, "allow-db");
    }

    private ToolCallDecidedEvent decided(String tool, Map<String, Object> arguments, List<String> roles,
                                         Outcome outcome, By by) {
        return GovernanceTestData.decided(orgId, sessionId, serverId, tool, arguments, roles, outcome, by);
    }

    private void record(Instant when, ToolCallDecidedEvent decision) {
        ids.add(decision.decisionId());
        sessions.on(decision, next(when));
    }

    private static ToolCallDecidedEvent withArguments(ToolCallDecidedEvent e, SealedArguments arguments) {
        return new ToolCallDecidedEvent(e.agentSessionId(), e.organizationId(), e.decisionId(), e.mcpServerId(),
                e.toolName(), e.argumentsHash(), arguments, e.userId(), e.apiKeyId(), e.aiSystemId(), e.roleIds(),
                e.outcome(), e.policyId(), e.policyVersion(), e.ruleName(), e.monitoredEffect(), e.approvalId(),
                e.reason(), e.basis());
    }

    /** Every row of the organization in every governance table, and its data key's. */
    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> rows = new ArrayList<>();
        for (String table : List.of("policies", "policy_versions", "governance_defaults", "agent_sessions",
                "decisions", "approvals")) {
            rows.add(GovernanceTestData.rows(jdbc, table, "organization_id", orgId));
        }
        rows.add(jdbc.sql("SELECT subject_id, encode(keyset, 'hex') AS keyset, destroyed_at FROM data_keys WHERE subject_id = ?")
                .param(SealedArguments.subject(orgId)).query().listOfRows());
        rows.add(jdbc.sql("SELECT count(*) FROM data_keys").query().listOfRows());
        return rows;
    }

    private static ArgumentCondition condition(String pointer, Object value) {
        return new ArgumentCondition(pointer, ArgumentCondition.Operator.EQUALS, value);
    }

    private static PolicyRule rule(String name, String tool, CallerMatch caller, ArgumentCondition condition,
                                   Effect effect) {
        return new PolicyRule(name, null, null, tool, caller, condition == null ? null : List.of(condition), effect);
    }
}
