package dev.warden.query.governance;

import static dev.warden.query.governance.GovernanceTestData.decided;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.ApprovalExpiredEvent;
import dev.warden.events.governance.ApprovalGrantedEvent;
import dev.warden.events.governance.ApprovalRejectedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.governance.GovernanceTestData.By;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agent sessions, decisions and approvals on the real schema: every event lands, each handled twice changes
 * nothing (a decision counts once), the counters follow the outcomes (a monitor-mode allow counts as
 * allowed, approval-required as held), no row holds the arguments in clear, and the lists filter and page.
 */
class AgentSessionsIT {

    private static final PageRequest FIRST = PageRequest.of(100, null);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final AgentSessionProjection sessions = ReadModelDatabase.bean(AgentSessionProjection.class);
    private final ApprovalProjection approvals = ReadModelDatabase.bean(ApprovalProjection.class);
    private final AgentSessionQueries queries = ReadModelDatabase.bean(AgentSessionQueries.class);
    private final DecisionQueries decisions = ReadModelDatabase.bean(DecisionQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String sessionId = IdKind.AGENT_SESSION.next();
    private final String serverId = IdKind.MCP_SERVER.next();

    @Test
    void aSessionCountsEachDecisionOnceByItsOutcome() {
        twice(logged -> sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "claude", "key_agent",
                "usr_owner", "ais_assistant"), logged));
        ToolCallDecidedEvent monitored = withMonitoredEffect(decided("echo", Outcome.ALLOW));
        for (ToolCallDecidedEvent decision : List.of(decided("echo", Outcome.ALLOW), monitored,
                decided("rm", Outcome.DENY), decided("mail", Outcome.ALERT), decided("pay", Outcome.APPROVAL_REQUIRED),
                decided("pay", Outcome.APPROVAL_REQUIRED))) {
            twice(logged -> sessions.on(decision, logged));
        }
        AgentSessionView open = queries.session(orgId, sessionId).orElseThrow();
        assertThat(List.of(open.allowed(), open.denied(), open.alerted(), open.held())).containsExactly(2L, 1L, 1L, 2L);
        assertThat(open).extracting(AgentSessionView::status, AgentSessionView::mcpServerId, AgentSessionView::agentName,
                AgentSessionView::apiKeyId, AgentSessionView::userId, AgentSessionView::aiSystemId)
                .containsExactly("open", serverId, "claude", "key_agent", "usr_owner", "ais_assistant");
        assertThat(open.lastActivity()).isEqualTo(at);

        DecisionView recorded = decisions.decision(orgId, monitored.decisionId()).orElseThrow();
        assertThat(recorded).isEqualTo(new DecisionView(monitored.decisionId(), orgId, sessionId, serverId, "echo",
                monitored.argumentsHash(), "usr_caller", "key_caller", null, List.of("role_member"), Outcome.ALLOW,
                DecisionBasis.RULE, "pol_watch", 3, "watch-echo", Effect.DENY, null, "Matched rule 'watch-echo'", at));
        assertThat(GovernanceTestData.rows(jdbc, "decisions", "id", monitored.decisionId()).get(0)
                .get("arguments_ciphertext")).isEqualTo(monitored.arguments().ciphertext());
        assertThat(GovernanceTestData.rows(jdbc, "decisions", "agent_session_id", sessionId).toString())
                .as("no argument in clear").doesNotContain("top-secret");

        twice(logged -> sessions.on(new AgentSessionTerminatedEvent(sessionId, orgId, "went rogue"), logged));
        AgentSessionView terminated = queries.session(orgId, sessionId).orElseThrow();
        assertThat(terminated.status()).isEqualTo("terminated");
        assertThat(terminated.endReason()).isEqualTo("went rogue");
        assertThat(terminated.endedAt()).isEqualTo(at);
        assertThat(queries.session(IdKind.ORGANIZATION.next(), sessionId)).isEmpty();
        assertThat(decisions.decision(IdKind.ORGANIZATION.next(), monitored.decisionId())).isEmpty();
    }

    @Test
    void anIdleSessionClosesAsIdle() {
        sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "bot", null, "usr_owner", null), next(at));
        twice(logged -> sessions.on(new AgentSessionClosedEvent(sessionId, orgId, true), logged));
        AgentSessionView closed = queries.session(orgId, sessionId).orElseThrow();
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.idle()).isTrue();
        assertThat(queries.sessions(orgId, "closed", FIRST).items()).extracting(AgentSessionView::id)
                .containsExactly(sessionId);
        assertThat(queries.sessions(orgId, "open", FIRST).items()).isEmpty();
    }

    @Test
    void approvalsLandWithTheirCallAndEachDecisionOnce() {
        sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "bot", null, null, null), next(at));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String approvalId = IdKind.APPROVAL.next();
            ids.add(approvalId);
            ApprovalRequestedEvent requested = new ApprovalRequestedEvent(sessionId, orgId, approvalId,
                    IdKind.DECISION.next(), serverId, "pay", "hash-" + i, "pol_pay", 2, "approve-payments",
                    at.plusSeconds(900));
            twice(logged -> approvals.on(requested, new Logged(logged.position(), at.plusSeconds(ids.size()))));
        }
        twice(logged -> approvals.on(new ApprovalGrantedEvent(sessionId, orgId, ids.get(0), "usr_boss", "fine"),
                logged));
        twice(logged -> approvals.on(new ApprovalRejectedEvent(sessionId, orgId, ids.get(1), "usr_boss", "no"),
                logged));
        twice(logged -> approvals.on(new ApprovalExpiredEvent(sessionId, orgId, ids.get(2)), logged));

        ApprovalView granted = queries.approval(orgId, ids.get(0)).orElseThrow();
        assertThat(granted).extracting(ApprovalView::status, ApprovalView::decidedBy, ApprovalView::reason,
                ApprovalView::toolName, ApprovalView::argumentsHash, ApprovalView::policyVersion,
                ApprovalView::ruleName, ApprovalView::expiresAt, ApprovalView::decidedAt)
                .containsExactly("granted", "usr_boss", "fine", "pay", "hash-0", 2, "approve-payments",
                        at.plusSeconds(900), at);
        assertThat(queries.approval(orgId, ids.get(1)).orElseThrow().status()).isEqualTo("rejected");
        assertThat(queries.approval(orgId, ids.get(2)).orElseThrow().decidedBy()).isNull();
        assertThat(queries.approvals(orgId, null, FIRST).items()).extracting(ApprovalView::status)
                .containsExactly("pending", "expired", "rejected", "granted");
        Page<ApprovalView> pending = queries.approvals(orgId, "pending", PageRequest.of(1, null));
        assertThat(pending.items()).extracting(ApprovalView::id).containsExactly(ids.get(3));
        assertThat(pending.nextCursor()).isNull();
        assertThat(queries.approval(IdKind.ORGANIZATION.next(), ids.get(0))).isEmpty();
        assertThatThrownBy(() -> AgentSessionQueries.approvalStatus("open")).isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void decisionsListNewestFirstByOutcomeAndTimeAndPage() {
        sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "bot", null, null, null), next(at));
        List<String> ids = new ArrayList<>();
        Outcome[] outcomes = {Outcome.ALLOW, Outcome.DENY, Outcome.ALLOW, Outcome.ALERT};
        for (int i = 0; i < outcomes.length; i++) {
            ToolCallDecidedEvent decision = decided("echo", outcomes[i]);
            ids.add(decision.decisionId());
            sessions.on(decision, next(at.plusSeconds(i)));
        }
        String elsewhere = IdKind.ORGANIZATION.next();
        sessions.on(GovernanceTestData.decided(elsewhere, IdKind.AGENT_SESSION.next(), serverId, "echo", Map.of(),
                List.of(), Outcome.ALLOW, By.defaultEffect("allow")), next(at));

        assertThat(decisions.ofOrganization(orgId, null, null, null, FIRST).items()).extracting(DecisionView::id)
                .containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(decisions.ofOrganization(orgId, "allow", null, null, FIRST).items()).extracting(DecisionView::id)
                .containsExactly(ids.get(2), ids.get(0));
        assertThat(decisions.ofOrganization(orgId, null, at.plusSeconds(1), at.plusSeconds(3), FIRST).items())
                .extracting(DecisionView::id).containsExactly(ids.get(2), ids.get(1));
        Page<DecisionView> first = decisions.ofSession(orgId, sessionId, PageRequest.of(3, null));
        assertThat(first.items()).hasSize(3);
        assertThat(decisions.ofSession(orgId, sessionId, PageRequest.of(3, first.nextCursor())).items())
                .extracting(DecisionView::id).containsExactly(ids.get(0));
        assertThat(decisions.ofSession(elsewhere, sessionId, FIRST).items()).isEmpty();
        assertThat(DecisionQueries.outcome("approval-required")).isEqualTo("approval-required");
        assertThatThrownBy(() -> DecisionQueries.outcome("ALLOW")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("allow, deny, alert, approval-required");
    }

    @Test
    void theResetEmptiesTheTables() {
        sessions.on(new AgentSessionOpenedEvent(sessionId, orgId, serverId, "bot", null, null, null), next(at));
        sessions.on(decided("echo", Outcome.ALLOW), next(at));
        approvals.on(new ApprovalRequestedEvent(sessionId, orgId, IdKind.APPROVAL.next(), IdKind.DECISION.next(),
                serverId, "pay", "h", null, null, null, at), next(at));
        sessions.reset();
        approvals.reset();
        for (String table : List.of("agent_sessions", "decisions", "approvals")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    private ToolCallDecidedEvent decided(String tool, Outcome outcome) {
        return GovernanceTestData.decided(orgId, sessionId, serverId, tool, Map.of("note", "top-secret"),
                List.of("role_member"), outcome, By.rule("pol_watch", 3, "watch-" + tool));
    }

    private static ToolCallDecidedEvent withMonitoredEffect(ToolCallDecidedEvent e) {
        return new ToolCallDecidedEvent(e.agentSessionId(), e.organizationId(), e.decisionId(), e.mcpServerId(),
                e.toolName(), e.argumentsHash(), e.arguments(), e.userId(), e.apiKeyId(), e.aiSystemId(), e.roleIds(),
                e.outcome(), e.policyId(), e.policyVersion(), e.ruleName(), Effect.DENY, e.approvalId(), e.reason(),
                e.basis());
    }

    /** Handles an event, then again at the same position an hour later: the session's rows must be the same. */
    private void twice(Consumer<Logged> handle) {
        Logged logged = next(at);
        handle.accept(logged);
        List<List<Map<String, Object>>> once = rows();
        handle.accept(new Logged(logged.position(), at.plusSeconds(3600)));
        assertThat(rows()).as("handled twice").isEqualTo(once);
    }

    private List<List<Map<String, Object>>> rows() {
        return List.of(GovernanceTestData.rows(jdbc, "agent_sessions", "id", sessionId),
                GovernanceTestData.rows(jdbc, "decisions", "agent_session_id", sessionId),
                GovernanceTestData.rows(jdbc, "approvals", "agent_session_id", sessionId));
    }
}
