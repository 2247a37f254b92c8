package dev.warden.command.infrastructure.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.infrastructure.AssignTicketCommand;
import dev.warden.events.infrastructure.ChangeTicketStatusCommand;
import dev.warden.events.infrastructure.CommentOnTicketCommand;
import dev.warden.events.infrastructure.OpenTicketCommand;
import dev.warden.events.infrastructure.UnassignTicketCommand;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands of tickets: open, assign and unassign, comment, move through the workflow. */
@RestController
@Validated
@RequestMapping("/api/orgs/{orgId}/tickets")
class TicketCommandController {

    private final CommandSender commands;

    TicketCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("tickets:write")
    @PostMapping
    ResponseEntity<CommandResponse> open(@PathVariable String orgId, @Valid @RequestBody TicketRequests.Open body) {
        IdKind.ORGANIZATION.require(orgId);
        String ticketId = IdKind.TICKET.next();
        var position = commands.send(new OpenTicketCommand(ticketId, orgId, body.title(), body.description(),
                body.priority(), body.projectId(), body.workspaceId()));
        return Responses.created(ticketId, position, "/api/orgs/" + orgId + "/tickets/" + ticketId);
    }

    /** Gives the ticket to a member of the organization; anyone else answers as a missing member. */
    @Requires("tickets:write")
    @PutMapping("/{ticketId}/assignee")
    ResponseEntity<CommandResponse> assign(@PathVariable String orgId, @PathVariable String ticketId,
                                           @Valid @RequestBody TicketRequests.Assign body) {
        IdKind.TICKET.require(ticketId);
        return Responses.ok(ticketId, commands.send(new AssignTicketCommand(ticketId, orgId, body.userId())));
    }

    @Requires("tickets:write")
    @DeleteMapping("/{ticketId}/assignee")
    ResponseEntity<CommandResponse> unassign(@PathVariable String orgId, @PathVariable String ticketId) {
        IdKind.TICKET.require(ticketId);
        return Responses.ok(ticketId, commands.send(new UnassignTicketCommand(ticketId, orgId)));
    }

    @Requires("tickets:write")
    @PostMapping("/{ticketId}/comments")
    ResponseEntity<CommandResponse> comment(@PathVariable String orgId, @PathVariable String ticketId,
                                            @Valid @RequestBody TicketRequests.Comment body) {
        IdKind.TICKET.require(ticketId);
        var position = commands.send(new CommentOnTicketCommand(ticketId, orgId, body.body()));
        return Responses.created(ticketId, position, "/api/orgs/" + orgId + "/tickets/" + ticketId + "/comments");
    }

    /** Moves the ticket; a move the workflow does not allow answers 422 with the allowed ones. */
    @Requires("tickets:write")
    @PutMapping("/{ticketId}/status")
    ResponseEntity<CommandResponse> move(@PathVariable String orgId, @PathVariable String ticketId,
                                         @Valid @RequestBody TicketRequests.Move body) {
        IdKind.TICKET.require(ticketId);
        return Responses.ok(ticketId, commands.send(new ChangeTicketStatusCommand(ticketId, orgId, body.status())));
    }
}
