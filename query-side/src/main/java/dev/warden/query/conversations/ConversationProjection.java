package dev.warden.query.conversations;

import dev.warden.events.conversations.ConversationArchivedEvent;
import dev.warden.events.conversations.ConversationRenamedEvent;
import dev.warden.events.conversations.ConversationRestoredEvent;
import dev.warden.events.conversations.ConversationStartedEvent;
import dev.warden.events.conversations.MessagePostedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code conversations}, {@code messages} and {@code conversation_token_totals}. A message adds
 * its tokens to its conversation's row and to its organization's row of its model; each of those
 * rows takes an event only if its last event is older, so an event handled twice adds nothing.
 * A conversation and everything under it are written under one key, so its rows are written in the
 * order of its events ({@link ProjectionWrites}); the totals rows are keyed by organization and model.
 */
@Component
@ProcessingGroup(ConversationProcessing.GROUP)
public class ConversationProjection {

    private final ProjectionWrites writes;

    ConversationProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(ConversationStartedEvent event, Logged logged) {
        writes.write(key(event.conversationId()), """
                        INSERT INTO conversations (id, organization_id, user_id, project_id, workspace_id, title, status,
                                                   created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.conversationId(), event.organizationId(), event.startedBy(), event.projectId(),
                event.workspaceId(), event.title(), logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(ConversationRenamedEvent event, Logged logged) {
        writes.write(key(event.conversationId()), """
                        UPDATE conversations SET title = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.title(), logged.time(), logged.position(), event.conversationId(), logged.position());
    }

    @EventHandler
    public void on(ConversationArchivedEvent event, Logged logged) {
        writes.write(key(event.conversationId()), """
                        UPDATE conversations SET status = 'archived', archived_at = ?, updated_at = ?,
                                                 last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                logged.time(), logged.time(), logged.position(), event.conversationId(), logged.position());
    }

    @EventHandler
    public void on(ConversationRestoredEvent event, Logged logged) {
        writes.write(key(event.conversationId()), """
                        UPDATE conversations SET status = 'active', archived_at = NULL, updated_at = ?,
                                                 last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                logged.time(), logged.position(), event.conversationId(), logged.position());
    }

    @EventHandler
    public void on(MessagePostedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.conversationId()), """
                        INSERT INTO messages (id, organization_id, conversation_id, sequence, role, author_id, posted_by,
                                              content, model, input_tokens, output_tokens, cached_tokens, created_at,
                                              updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.messageId(), event.organizationId(), event.conversationId(), event.sequence(), event.role(),
                event.authorId(), actorId, event.content(), event.model(), event.inputTokens(),
                event.outputTokens(), event.cachedTokens(), logged.time(), logged.time(), logged.position());
        writes.write(key(event.conversationId()), """
                        UPDATE conversations
                        SET message_count = ?, last_message_at = ?, model = coalesce(?, model),
                            input_tokens = input_tokens + ?, output_tokens = output_tokens + ?,
                            cached_tokens = cached_tokens + ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.sequence(), logged.time(), event.model(), count(event.inputTokens()),
                count(event.outputTokens()), count(event.cachedTokens()), logged.time(), logged.position(),
                event.conversationId(), logged.position());
        if (event.model() != null) {
            addToTotals(event, logged);
        }
    }

    @ResetHandler
    public void reset() {
        writes.clear("messages", "conversation_token_totals", "conversations");
    }

    private void addToTotals(MessagePostedEvent event, Logged logged) {
        writes.write("conversation_token_totals " + event.organizationId() + " " + event.model(), """
                        INSERT INTO conversation_token_totals AS t (organization_id, model, messages, input_tokens,
                                                                    output_tokens, cached_tokens, updated_at,
                                                                    last_event_position)
                        VALUES (?, ?, 1, ?, ?, ?, ?, ?)
                        ON CONFLICT (organization_id, model) DO UPDATE
                        SET messages = t.messages + 1, input_tokens = t.input_tokens + excluded.input_tokens,
                            output_tokens = t.output_tokens + excluded.output_tokens,
                            cached_tokens = t.cached_tokens + excluded.cached_tokens,
                            updated_at = excluded.updated_at, last_event_position = excluded.last_event_position
                        WHERE t.last_event_position < excluded.last_event_position""",
                event.organizationId(), event.model(), count(event.inputTokens()), count(event.outputTokens()),
                count(event.cachedTokens()), logged.time(), logged.position());
    }

    private static long count(Long tokens) {
        return tokens == null ? 0 : tokens;
    }

    /** The key of a conversation and of every row under it (its messages and tool calls). */
    static String key(String conversationId) {
        return "conversation " + conversationId;
    }
}
