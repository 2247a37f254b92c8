package dev.warden.command.infrastructure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.infrastructure.ChangeTicketStatusCommand;
import dev.warden.events.infrastructure.CommentOnTicketCommand;
import dev.warden.events.infrastructure.OpenTicketCommand;
import dev.warden.events.infrastructure.TicketAssignedEvent;
import dev.warden.events.infrastructure.TicketCommentedEvent;
import dev.warden.events.infrastructure.TicketErrorCode;
import dev.warden.events.infrastructure.TicketOpenedEvent;
import dev.warden.events.infrastructure.TicketStatus;
import dev.warden.events.infrastructure.TicketStatusChangedEvent;
import dev.warden.events.infrastructure.TicketUnassignedEvent;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A ticket: a piece of work about infrastructure, moved through {@link TicketWorkflow}, assigned to
 * at most one member at a time, with numbered comments. A ticket of another organization answers
 * every command as missing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Ticket {

    @AggregateIdentifier
    private String ticketId;
    private String organizationId;
    private TicketStatus status;
    private String assigneeId;
    private int comments;

    protected Ticket() {
    }

    /** Opens the ticket; every field is checked here. */
    Ticket(OpenTicketCommand command) {
        String title = TicketRules.title(command.title());
        String description = TicketRules.description(command.description());
        String priority = TicketRules.priority(command.priority());
        String projectId = TicketRules.reference(command.projectId(), IdKind.PROJECT,
                TicketErrorCode.INVALID_TICKET_PROJECT, "project");
        String workspaceId = TicketRules.reference(command.workspaceId(), IdKind.WORKSPACE,
                TicketErrorCode.INVALID_TICKET_WORKSPACE, "workspace");
        apply(new TicketOpenedEvent(command.ticketId(), command.organizationId(), title, description, priority,
                projectId, workspaceId));
    }

    /** Refuses unless the ticket is {@code organization}'s; another organization's ticket looks missing. */
    void requireIn(String organization) {
        if (!Objects.equals(organizationId, organization)) {
            throw IdKind.TICKET.notFound(ticketId);
        }
    }

    /** Gives the ticket to {@code userId}, who the caller has checked is a member. */
    void assign(String userId) {
        requireNotClosed();
        if (!userId.equals(assigneeId)) {
            apply(new TicketAssignedEvent(ticketId, organizationId, userId));
        }
    }

    void unassign() {
        requireNotClosed();
        if (assigneeId != null) {
            apply(new TicketUnassignedEvent(ticketId, organizationId, assigneeId));
        }
    }

    void comment(CommentOnTicketCommand command) {
        String body = TicketRules.comment(command.body());
        apply(new TicketCommentedEvent(ticketId, organizationId, comments + 1, body));
    }

    /** Moves the ticket; a move to where it is stores nothing. */
    void move(ChangeTicketStatusCommand command) {
        TicketStatus to = TicketWorkflow.status(command.status());
        if (to == status) {
            return;
        }
        TicketWorkflow.requireAllowed(status, to);
        apply(new TicketStatusChangedEvent(ticketId, organizationId, status.wire(), to.wire()));
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new DomainException(TicketErrorCode.TICKET_CLOSED,
                    "The ticket is closed; reopen it before changing its assignee");
        }
    }

    @EventSourcingHandler
    void on(TicketOpenedEvent event) {
        ticketId = event.ticketId();
        organizationId = event.organizationId();
        status = TicketStatus.OPEN;
    }

    @EventSourcingHandler
    void on(TicketAssignedEvent event) {
        assigneeId = event.userId();
    }

    @EventSourcingHandler
    void on(TicketUnassignedEvent event) {
        assigneeId = null;
    }

    @EventSourcingHandler
    void on(TicketCommentedEvent event) {
        comments = event.number();
    }

    @EventSourcingHandler
    void on(TicketStatusChangedEvent event) {
        status = TicketStatus.of(event.status()).orElseThrow();
    }
}
