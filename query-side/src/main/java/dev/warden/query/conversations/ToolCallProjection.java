package dev.warden.query.conversations;

import dev.warden.events.conversations.ToolCallApprovedEvent;
import dev.warden.events.conversations.ToolCallExpiredEvent;
import dev.warden.events.conversations.ToolCallProposedEvent;
import dev.warden.events.conversations.ToolCallRejectedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code tool_calls}, and the proposal on its message's row. The decider of a tool call is the
 * actor of the deciding event (for an expiry, the system). A decision applies only to a row whose
 * last event is older, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(ConversationProcessing.GROUP)
public class ToolCallProjection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProjectionWrites writes;

    ToolCallProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(ToolCallProposedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        String arguments = JSON.writeValueAsString(event.arguments() == null ? Map.of() : event.arguments());
        writes.write(ConversationProjection.key(event.conversationId()), """
                        INSERT INTO tool_calls (id, organization_id, conversation_id, message_id, tool_name, arguments,
                                                status, expires_at, proposed_by, created_at, updated_at,
                                                last_event_position)
                        VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'pending', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.toolCallId(), event.organizationId(), event.conversationId(), event.messageId(),
                event.toolName(), arguments, Rows.timestamp(event.expiresAt()), actorId, logged.time(),
                logged.time(), logged.position());
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("id", event.toolCallId());
        proposal.put("name", event.toolName());
        proposal.put("arguments", event.arguments() == null ? Map.of() : event.arguments());
        writes.write(ConversationProjection.key(event.conversationId()), """
                        UPDATE messages SET tool_calls = CAST(? AS jsonb), updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                JSON.writeValueAsString(List.of(proposal)), logged.time(), logged.position(), event.messageId(),
                logged.position());
    }

    @EventHandler
    public void on(ToolCallApprovedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.conversationId(), event.toolCallId(), "approved", event.reason(), actorId, logged);
    }

    @EventHandler
    public void on(ToolCallRejectedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.conversationId(), event.toolCallId(), "rejected", event.reason(), actorId, logged);
    }

    @EventHandler
    public void on(ToolCallExpiredEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        decide(event.conversationId(), event.toolCallId(), "expired", null, actorId, logged);
    }

    @ResetHandler
    public void reset() {
        writes.clear("tool_calls");
    }

    private void decide(String conversationId, String toolCallId, String status, String reason, String actorId,
                        Logged logged) {
        writes.write(ConversationProjection.key(conversationId), """
                        UPDATE tool_calls
                        SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ?, updated_at = ?,
                            last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                status, actorId, reason, logged.time(), logged.time(), logged.position(), toolCallId,
                logged.position());
    }
}
