package dev.warden.command.conversations.web;

import dev.warden.command.conversations.ConversationSettings;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.conversations.ApproveToolCallCommand;
import dev.warden.events.conversations.ArchiveConversationCommand;
import dev.warden.events.conversations.PostMessageCommand;
import dev.warden.events.conversations.RejectToolCallCommand;
import dev.warden.events.conversations.RenameConversationCommand;
import dev.warden.events.conversations.RestoreConversationCommand;
import dev.warden.events.conversations.StartConversationCommand;
import dev.warden.events.conversations.ToolCallProposal;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of the conversations context: start, rename, archive and restore conversations, post
 * messages (a user's, or an assistant's, system's or tool's from a user or an API key), and decide
 * the tool calls assistants propose. Starting and deciding need a signed-in user.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/conversations")
class ConversationCommandController {

    private final CommandSender commands;
    private final Clock clock;
    private final Duration toolCallTtl;

    ConversationCommandController(CommandSender commands, Clock clock, ConversationSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.toolCallTtl = settings.toolCallTtl();
    }

    @Requires("conversations:write")
    @PostMapping
    ResponseEntity<CommandResponse> start(@PathVariable String orgId, @Valid @RequestBody ConversationBodies.Start body) {
        String userId = Caller.userId();
        String conversationId = IdKind.CONVERSATION.next();
        var position = commands.send(new StartConversationCommand(conversationId, orgId, userId, body.title(),
                body.projectId(), body.workspaceId()));
        return Responses.created(conversationId, position, "/api/orgs/" + orgId + "/conversations/" + conversationId);
    }

    @Requires("conversations:write")
    @PatchMapping("/{conversationId}")
    ResponseEntity<CommandResponse> rename(@PathVariable String orgId, @PathVariable String conversationId,
                                           @Valid @RequestBody ConversationBodies.Rename body) {
        IdKind.CONVERSATION.require(conversationId);
        return Responses.ok(conversationId, commands.send(new RenameConversationCommand(conversationId, orgId,
                body.title())));
    }

    @Requires("conversations:write")
    @PostMapping("/{conversationId}/archive")
    ResponseEntity<CommandResponse> archive(@PathVariable String orgId, @PathVariable String conversationId) {
        IdKind.CONVERSATION.require(conversationId);
        return Responses.ok(conversationId, commands.send(new ArchiveConversationCommand(conversationId, orgId)));
    }

    @Requires("conversations:write")
    @PostMapping("/{conversationId}/restore")
    ResponseEntity<CommandResponse> restore(@PathVariable String orgId, @PathVariable String conversationId) {
        IdKind.CONVERSATION.require(conversationId);
        return Responses.ok(conversationId, commands.send(new RestoreConversationCommand(conversationId, orgId)));
    }

    /**
     * Posts a message. A {@code user} message is the signed-in caller's; a proposed tool call lapses
     * after {@code warden.conversations.tool-call-ttl} undecided.
     */
    @Requires("conversations:write")
    @PostMapping("/{conversationId}/messages")
    ResponseEntity<ConversationBodies.Posted> post(@PathVariable String orgId, @PathVariable String conversationId,
                                                   @Valid @RequestBody ConversationBodies.Message body,
                                                   @RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        IdKind.CONVERSATION.require(conversationId);
        String messageId = IdKind.MESSAGE.next();
        ToolCallProposal proposal = body.toolCall() == null ? null : new ToolCallProposal(IdKind.TOOL_CALL.next(),
                body.toolCall().name(), body.toolCall().arguments(), clock.instant().plus(toolCallTtl));
        var position = commands.send(new PostMessageCommand(conversationId, orgId, messageId, body.role(),
                actor.isUser() ? actor.id() : null, body.content(), body.model(), body.inputTokens(),
                body.outputTokens(), body.cachedTokens(), proposal));
        var response = ResponseEntity.created(URI.create("/api/orgs/" + orgId + "/conversations/" + conversationId
                + "/messages/" + messageId));
        position.ifPresent(p -> response.header(Responses.POSITION_HEADER, Long.toString(p)));
        return response.body(new ConversationBodies.Posted(messageId,
                position.isPresent() ? position.getAsLong() : null, proposal == null ? null : proposal.toolCallId()));
    }

    @Requires("conversations:approve")
    @PostMapping("/{conversationId}/tool-calls/{toolCallId}/approve")
    ResponseEntity<CommandResponse> approve(@PathVariable String orgId, @PathVariable String conversationId,
                                            @PathVariable String toolCallId,
                                            @Valid @RequestBody(required = false) ConversationBodies.Decision body) {
        return decide(conversationId, toolCallId, () -> new ApproveToolCallCommand(conversationId, orgId, toolCallId,
                body == null ? null : body.reason()));
    }

    @Requires("conversations:approve")
    @PostMapping("/{conversationId}/tool-calls/{toolCallId}/reject")
    ResponseEntity<CommandResponse> reject(@PathVariable String orgId, @PathVariable String conversationId,
                                           @PathVariable String toolCallId,
                                           @Valid @RequestBody(required = false) ConversationBodies.Decision body) {
        return decide(conversationId, toolCallId, () -> new RejectToolCallCommand(conversationId, orgId, toolCallId,
                body == null ? null : body.reason()));
    }

    /** Sends a decision on a tool call; a decision is a signed-in member's, so an API key is refused. */
    private ResponseEntity<CommandResponse> decide(String conversationId, String toolCallId, Supplier<Object> decision) {
        Caller.userId();
        IdKind.CONVERSATION.require(conversationId);
        IdKind.TOOL_CALL.require(toolCallId);
        return Responses.ok(toolCallId, commands.send(decision.get()));
    }
}
