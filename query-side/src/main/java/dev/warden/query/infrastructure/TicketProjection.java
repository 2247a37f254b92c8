package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.TicketAssignedEvent;
import dev.warden.events.infrastructure.TicketCommentedEvent;
import dev.warden.events.infrastructure.TicketOpenedEvent;
import dev.warden.events.infrastructure.TicketStatusChangedEvent;
import dev.warden.events.infrastructure.TicketUnassignedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tickets} and {@code ticket_comments}. The reporter and each comment's author are the
 * actors of their events. A change applies only to a ticket whose last event is older, and a
 * comment is inserted once, so handling an event twice changes nothing. A move to {@code resolved}
 * or {@code closed} stamps when; a move back to {@code open} clears both stamps.
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class TicketProjection {

    private final ProjectionWrites writes;

    TicketProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(TicketOpenedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.ticketId()), """
                        INSERT INTO tickets (id, organization_id, project_id, workspace_id, title, description, status,
                                             priority, reporter_id, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.ticketId(), event.organizationId(), event.projectId(), event.workspaceId(), event.title(),
                event.description(), event.priority(), actorId, logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(TicketAssignedEvent event, Logged logged) {
        assign(event.ticketId(), event.userId(), logged);
    }

    @EventHandler
    public void on(TicketUnassignedEvent event, Logged logged) {
        assign(event.ticketId(), null, logged);
    }

    @EventHandler
    public void on(TicketCommentedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.ticketId()), """
                        INSERT INTO ticket_comments (ticket_id, number, organization_id, body, author_id, created_at,
                                                     last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id, number) DO NOTHING""",
                event.ticketId(), event.number(), event.organizationId(), event.body(), actorId, logged.time(),
                logged.position());
        writes.write(key(event.ticketId()), """
                        UPDATE tickets SET comment_count = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.number(), logged.time(), logged.position(), event.ticketId(), logged.position());
    }

    @EventHandler
    public void on(TicketStatusChangedEvent event, Logged logged) {
        writes.write(key(event.ticketId()), """
                        UPDATE tickets
                        SET status = ?,
                            resolved_at = CASE CAST(? AS text) WHEN 'resolved' THEN ? WHEN 'open' THEN NULL
                                          ELSE resolved_at END,
                            closed_at = CASE CAST(? AS text) WHEN 'closed' THEN ? WHEN 'open' THEN NULL
                                        ELSE closed_at END,
                            updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.status(), event.status(), logged.time(), event.status(), logged.time(), logged.time(),
                logged.position(), event.ticketId(), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("ticket_comments", "tickets");
    }

    private void assign(String ticketId, String assigneeId, Logged logged) {
        writes.write(key(ticketId), """
                        UPDATE tickets SET assignee_id = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                assigneeId, logged.time(), logged.position(), ticketId, logged.position());
    }

    private static String key(String ticketId) {
        return "tickets " + ticketId;
    }
}
