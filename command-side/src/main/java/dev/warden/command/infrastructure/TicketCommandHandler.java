package dev.warden.command.infrastructure;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.Aggregates;
import dev.warden.events.infrastructure.AssignTicketCommand;
import dev.warden.events.infrastructure.ChangeTicketStatusCommand;
import dev.warden.events.infrastructure.CommentOnTicketCommand;
import dev.warden.events.infrastructure.OpenTicketCommand;
import dev.warden.events.infrastructure.UnassignTicketCommand;
import dev.warden.events.shared.IdKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A ticket's life: opened, assigned to members of its organization (checked against the
 * organization), commented on and moved through its workflow.
 */
@Component
class TicketCommandHandler {

    private final Repository<Ticket> tickets;
    private final Repository<Organization> organizations;

    TicketCommandHandler(@Qualifier("ticketRepository") Repository<Ticket> tickets,
                         @Qualifier("organizationRepository") Repository<Organization> organizations) {
        this.tickets = tickets;
        this.organizations = organizations;
    }

    @CommandHandler
    void handle(OpenTicketCommand command) throws Exception {
        tickets.newInstance(() -> new Ticket(command));
    }

    /** A user who is not a member of the organization answers as a missing member, as identity's commands do. */
    @CommandHandler
    void handle(AssignTicketCommand command) {
        Aggregate<Ticket> ticket = load(command.ticketId(), command.organizationId());
        boolean member = Aggregates.load(organizations, command.organizationId())
                .invoke(o -> o.hasMember(command.userId()));
        if (!member) {
            throw IdKind.MEMBER.notFound(command.userId());
        }
        ticket.execute(t -> t.assign(command.userId()));
    }

    @CommandHandler
    void handle(UnassignTicketCommand command) {
        load(command.ticketId(), command.organizationId()).execute(Ticket::unassign);
    }

    @CommandHandler
    void handle(CommentOnTicketCommand command) {
        load(command.ticketId(), command.organizationId()).execute(t -> t.comment(command));
    }

    @CommandHandler
    void handle(ChangeTicketStatusCommand command) {
        load(command.ticketId(), command.organizationId()).execute(t -> t.move(command));
    }

    /** The ticket, if it is the organization's. */
    private Aggregate<Ticket> load(String ticketId, String organizationId) {
        Aggregate<Ticket> ticket = Aggregates.load(tickets, ticketId);
        ticket.execute(t -> t.requireIn(organizationId));
        return ticket;
    }
}
