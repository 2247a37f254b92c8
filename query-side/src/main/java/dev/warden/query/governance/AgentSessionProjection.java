package dev.warden.query.governance;

import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code agent_sessions} and {@code decisions}. A decision is inserted once (its arguments only as the
 * ciphertext the event holds) and counts on its session's row as allowed (monitor-mode allows included),
 * denied, alerted or held (approval-required); the count applies only if the row's last event is older, so
 * a decision handled twice counts once. A session and everything under it are written under one key.
 */
@Component
@ProcessingGroup(GovernanceProcessing.GROUP)
public class AgentSessionProjection {

    private final ProjectionWrites writes;

    AgentSessionProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(AgentSessionOpenedEvent event, Logged logged) {
        writes.write(key(event.agentSessionId()), """
                        INSERT INTO agent_sessions (id, organization_id, mcp_server_id, agent_name, api_key_id, user_id,
                                                    ai_system_id, status, last_activity, created_at, updated_at,
                                                    last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.agentSessionId(), event.organizationId(), event.mcpServerId(), event.agentName(),
                event.apiKeyId(), event.userId(), event.aiSystemId(), logged.time(), logged.time(), logged.time(),
                logged.position());
    }

    @EventHandler
    public void on(AgentSessionTerminatedEvent event, Logged logged) {
        session(event.agentSessionId(), "status = 'terminated', end_reason = ?, ended_at = ?", logged, event.reason(),
                logged.time());
    }

    @EventHandler
    public void on(AgentSessionClosedEvent event, Logged logged) {
        session(event.agentSessionId(), "status = 'closed', idle = ?, ended_at = ?", logged, event.idle(),
                logged.time());
    }

    @EventHandler
    public void on(ToolCallDecidedEvent event, Logged logged) {
        Outcome outcome = event.outcome();
        writes.write(key(event.agentSessionId()), """
                        INSERT INTO decisions (id, organization_id, agent_session_id, mcp_server_id, tool_name,
                                               arguments_hash, arguments_ciphertext, user_id, api_key_id, ai_system_id,
                                               role_ids, outcome, basis, policy_id, policy_version, rule_name,
                                               monitored_effect, approval_id, reason, decided_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""",
                event.decisionId(), event.organizationId(), event.agentSessionId(), event.mcpServerId(),
                event.toolName(), event.argumentsHash(), event.arguments() == null ? null
                        : event.arguments().ciphertext(), event.userId(), event.apiKeyId(), event.aiSystemId(),
                GovernanceJson.write(event.roleIds(), List.of()), outcome.wire(), Wire.basis(event.basis()),
                event.policyId(),
                event.policyVersion(), event.ruleName(), event.monitoredEffect() == null ? null
                        : event.monitoredEffect().wire(), event.approvalId(), event.reason(), logged.time(),
                logged.position());
        session(event.agentSessionId(), "allowed = allowed + ?, denied = denied + ?, alerted = alerted + ?,"
                        + " held = held + ?, last_activity = ?", logged, count(outcome, Outcome.ALLOW),
                count(outcome, Outcome.DENY), count(outcome, Outcome.ALERT), count(outcome, Outcome.APPROVAL_REQUIRED),
                logged.time());
    }

    @ResetHandler
    public void reset() {
        writes.clear("decisions", "agent_sessions");
    }

    private void session(String sessionId, String assignments, Logged logged, Object... values) {
        writes.updateRow(key(sessionId), "agent_sessions", sessionId, assignments, logged, values);
    }

    private static int count(Outcome outcome, Outcome counted) {
        return outcome == counted ? 1 : 0;
    }

    /** The key of a session and of every row under it (its decisions and approvals). */
    static String key(String sessionId) {
        return "agent-session " + sessionId;
    }
}
