package dev.warden.query.infrastructure.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.infrastructure.TicketCommentView;
import dev.warden.query.infrastructure.TicketQueries;
import dev.warden.query.infrastructure.TicketView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Queries of tickets. Every one accepts {@code minPosition} for read-your-writes. */
@RestController
class TicketQueryController {

    private final TicketQueries tickets;
    private final ReadGuard guard;

    TicketQueryController(TicketQueries tickets, ReadGuard guard) {
        this.tickets = tickets;
        this.guard = guard;
    }

    /** The organization's tickets, newest first, optionally of one {@code projectId} and one {@code status}. */
    @Requires("tickets:read")
    @GetMapping("/api/orgs/{orgId}/tickets")
    Page<TicketView> tickets(@PathVariable String orgId, @RequestParam(required = false) String projectId,
                             @RequestParam(required = false) String status, PageParameters list) {
        String project = TicketQueries.projectId(projectId);
        String wanted = TicketQueries.status(status);
        return guard.organizationPage(orgId, list, page -> tickets.tickets(orgId, project, wanted, page));
    }

    /** One ticket; another organization's ticket looks missing. */
    @Requires("tickets:read")
    @GetMapping("/api/orgs/{orgId}/tickets/{ticketId}")
    TicketView ticket(@PathVariable String orgId, @PathVariable String ticketId,
                      @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return tickets.ticket(orgId, ticketId).orElseThrow(() -> IdKind.TICKET.notFound(ticketId));
    }

    /** A ticket's comments, oldest first. */
    @Requires("tickets:read")
    @GetMapping("/api/orgs/{orgId}/tickets/{ticketId}/comments")
    Page<TicketCommentView> comments(@PathVariable String orgId, @PathVariable String ticketId,
                                     PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            tickets.ticket(orgId, ticketId).orElseThrow(() -> IdKind.TICKET.notFound(ticketId));
            return tickets.comments(orgId, ticketId, page);
        });
    }
}
