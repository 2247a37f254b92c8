package dev.warden.query.governance;

import dev.warden.events.governance.ApprovalExpiredEvent;
import dev.warden.events.governance.ApprovalGrantedEvent;
import dev.warden.events.governance.ApprovalRejectedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code approvals}: each bound to one call of a session, pending until a member grants or rejects it
 * or it expires. Written under its session's key; a decision on it applies only to a row whose last event is
 * older, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(GovernanceProcessing.GROUP)
public class ApprovalProjection {

    private final ProjectionWrites writes;

    ApprovalProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(ApprovalRequestedEvent event, Logged logged) {
        writes.write(AgentSessionProjection.key(event.agentSessionId()), """
                        INSERT INTO approvals (id, organization_id, agent_session_id, decision_id, mcp_server_id,
                                               tool_name, arguments_hash, policy_id, policy_version, rule_name, status,
                                               expires_at, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.approvalId(), event.organizationId(), event.agentSessionId(), event.decisionId(),
                event.mcpServerId(), event.toolName(), event.argumentsHash(), event.policyId(), event.policyVersion(),
                event.ruleName(), Rows.timestamp(event.expiresAt()), logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(ApprovalGrantedEvent event, Logged logged) {
        decide(event.agentSessionId(), event.approvalId(), "granted", event.decidedBy(), event.reason(), logged);
    }

    @EventHandler
    public void on(ApprovalRejectedEvent event, Logged logged) {
        decide(event.agentSessionId(), event.approvalId(), "rejected", event.decidedBy(), event.reason(), logged);
    }

    @EventHandler
    public void on(ApprovalExpiredEvent event, Logged logged) {
        decide(event.agentSessionId(), event.approvalId(), "expired", null, null, logged);
    }

    @ResetHandler
    public void reset() {
        writes.clear("approvals");
    }

    private void decide(String sessionId, String approvalId, String status, String decidedBy, String reason,
                        Logged logged) {
        writes.updateRow(AgentSessionProjection.key(sessionId), "approvals", approvalId,
                "status = ?, decided_by = ?, reason = ?, decided_at = ?", logged, status, decidedBy, reason,
                logged.time());
    }
}
