package dev.warden.query.conversations.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.conversations.ConversationQueries;
import dev.warden.query.conversations.ConversationView;
import dev.warden.query.conversations.MessageView;
import dev.warden.query.conversations.TokenTotalView;
import dev.warden.query.conversations.ToolCallQueries;
import dev.warden.query.conversations.ToolCallView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of the conversations context: conversations, their messages in order and their tool
 * calls, an organization's tool calls, and its token usage per model. Every one accepts
 * {@code minPosition}; another organization's conversation looks missing.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class ConversationQueryController {

    private final ConversationQueries conversations;
    private final ToolCallQueries toolCalls;
    private final ReadGuard guard;

    ConversationQueryController(ConversationQueries conversations, ToolCallQueries toolCalls, ReadGuard guard) {
        this.conversations = conversations;
        this.toolCalls = toolCalls;
        this.guard = guard;
    }

    /** The organization's conversations, newest first. */
    @Requires("conversations:read")
    @GetMapping("/conversations")
    Page<ConversationView> conversations(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> conversations.conversations(orgId, page));
    }

    @Requires("conversations:read")
    @GetMapping("/conversations/{conversationId}")
    ConversationView conversation(@PathVariable String orgId, @PathVariable String conversationId,
                                  @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return conversations.conversation(orgId, conversationId)
                .orElseThrow(() -> IdKind.CONVERSATION.notFound(conversationId));
    }

    /** A conversation's messages in the order they were posted. */
    @Requires("conversations:read")
    @GetMapping("/conversations/{conversationId}/messages")
    Page<MessageView> messages(@PathVariable String orgId, @PathVariable String conversationId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            requireConversation(orgId, conversationId);
            return conversations.messages(orgId, conversationId, page);
        });
    }

    @Requires("conversations:read")
    @GetMapping("/conversations/{conversationId}/messages/{messageId}")
    MessageView message(@PathVariable String orgId, @PathVariable String conversationId,
                        @PathVariable String messageId, @RequestParam(required = false) Long minPosition) {
        return inConversation(orgId, conversationId, minPosition, IdKind.MESSAGE, messageId,
                () -> conversations.message(orgId, conversationId, messageId));
    }

    /** A conversation's tool calls, newest first. */
    @Requires("conversations:read")
    @GetMapping("/conversations/{conversationId}/tool-calls")
    Page<ToolCallView> toolCalls(@PathVariable String orgId, @PathVariable String conversationId,
                                 PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            requireConversation(orgId, conversationId);
            return toolCalls.ofConversation(orgId, conversationId, page);
        });
    }

    @Requires("conversations:read")
    @GetMapping("/conversations/{conversationId}/tool-calls/{toolCallId}")
    ToolCallView toolCall(@PathVariable String orgId, @PathVariable String conversationId,
                          @PathVariable String toolCallId, @RequestParam(required = false) Long minPosition) {
        return inConversation(orgId, conversationId, minPosition, IdKind.TOOL_CALL, toolCallId,
                () -> toolCalls.toolCall(orgId, conversationId, toolCallId));
    }

    /** The organization's tool calls, newest first, optionally of one {@code status} (e.g. {@code pending}). */
    @Requires("conversations:read")
    @GetMapping("/tool-calls")
    Page<ToolCallView> organizationToolCalls(@PathVariable String orgId,
                                             @RequestParam(required = false) String status, PageParameters list) {
        String wanted = ToolCallQueries.status(status);
        return guard.organizationPage(orgId, list, page -> toolCalls.ofOrganization(orgId, wanted, page));
    }

    /** The organization's token usage per model, by model name. */
    @Requires("conversations:read")
    @GetMapping("/token-totals")
    Page<TokenTotalView> tokenTotals(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> conversations.tokenTotals(orgId, page));
    }

    /** One thing of a conversation: the conversation missing answers first, then the thing ({@code kind}'s code). */
    private <T> T inConversation(String orgId, String conversationId, Long minPosition, IdKind kind, String id,
                                 Supplier<Optional<T>> read) {
        guard.organization(orgId, minPosition);
        requireConversation(orgId, conversationId);
        return read.get().orElseThrow(() -> kind.notFound(id));
    }

    private void requireConversation(String orgId, String conversationId) {
        if (conversations.conversation(orgId, conversationId).isEmpty()) {
            throw IdKind.CONVERSATION.notFound(conversationId);
        }
    }
}
