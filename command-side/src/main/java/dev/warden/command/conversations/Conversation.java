package dev.warden.command.conversations;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.conversations.ConversationArchivedEvent;
import dev.warden.events.conversations.ConversationErrorCode;
import dev.warden.events.conversations.ConversationRenamedEvent;
import dev.warden.events.conversations.ConversationRestoredEvent;
import dev.warden.events.conversations.ConversationStartedEvent;
import dev.warden.events.conversations.MessagePostedEvent;
import dev.warden.events.conversations.PostMessageCommand;
import dev.warden.events.conversations.StartConversationCommand;
import dev.warden.events.conversations.ToolCallApprovedEvent;
import dev.warden.events.conversations.ToolCallExpiredEvent;
import dev.warden.events.conversations.ToolCallProposal;
import dev.warden.events.conversations.ToolCallProposedEvent;
import dev.warden.events.conversations.ToolCallRejectedEvent;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A conversation of an organization: its title, whether it is archived, its messages numbered in
 * the order they were posted, and the tool calls its assistant proposed. A tool call is decided
 * once, approved or rejected, before it expires; an archived conversation takes no messages, renames
 * or decisions until it is restored.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Conversation {

    enum ToolCallStatus { PENDING, APPROVED, REJECTED, EXPIRED }

    /** What the rules need of a tool call. */
    record ToolCall(String toolName, Instant expiresAt, ToolCallStatus status) {

        ToolCall with(ToolCallStatus newStatus) {
            return new ToolCall(toolName, expiresAt, newStatus);
        }
    }

    @AggregateIdentifier
    private String conversationId;
    private String organizationId;
    private String title;
    private boolean archived;
    private int messages;
    private Map<String, ToolCall> toolCalls = new HashMap<>();

    protected Conversation() {
    }

    /** Starts the conversation; project and workspace ids are checked for their shape only. */
    Conversation(StartConversationCommand command) {
        String checkedTitle = MessageRules.title(command.title());
        apply(new ConversationStartedEvent(command.conversationId(), command.organizationId(), command.startedBy(),
                checkedTitle, optionalId(IdKind.PROJECT, command.projectId()),
                optionalId(IdKind.WORKSPACE, command.workspaceId())));
    }

    /** Checks the conversation belongs to {@code organization}; another organization's looks missing. */
    void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.CONVERSATION.notFound(conversationId);
        }
    }

    void rename(String newTitle) {
        String checked = MessageRules.title(newTitle);
        requireActive();
        if (!checked.equals(title)) {
            apply(new ConversationRenamedEvent(conversationId, organizationId, checked, title));
        }
    }

    void archive() {
        if (!archived) {
            apply(new ConversationArchivedEvent(conversationId, organizationId));
        }
    }

    void restore() {
        if (archived) {
            apply(new ConversationRestoredEvent(conversationId, organizationId));
        }
    }

    /** Posts a message, and the tool call it proposes if any. */
    void post(PostMessageCommand command) {
        String role = MessageRules.role(command.role());
        ToolCallProposal proposal = command.toolCall();
        if (proposal != null && !role.equals("assistant")) {
            throw new DomainException(ConversationErrorCode.TOOL_CALL_NOT_FROM_ASSISTANT,
                    "Only an assistant message proposes a tool call");
        }
        if (role.equals("user") && command.authorId() == null) {
            throw new DomainException(ConversationErrorCode.USER_MESSAGE_NEEDS_A_USER,
                    "A message with role user is posted by a signed-in user; an API key posts assistant, system"
                            + " or tool messages");
        }
        MessagePostedEvent posted = message(command, role, proposal != null);
        ToolCallProposedEvent proposed = proposal == null ? null : proposed(command.messageId(), proposal);
        requireActive();
        apply(posted);
        if (proposed != null) {
            apply(proposed);
        }
    }

    void approve(String toolCallId, String reason, Instant now) {
        String checkedReason = MessageRules.reason(reason);
        ToolCall call = requireDecidable(toolCallId, now);
        apply(new ToolCallApprovedEvent(conversationId, organizationId, toolCallId, call.toolName(), checkedReason));
    }

    void reject(String toolCallId, String reason, Instant now) {
        String checkedReason = MessageRules.reason(reason);
        ToolCall call = requireDecidable(toolCallId, now);
        apply(new ToolCallRejectedEvent(conversationId, organizationId, toolCallId, call.toolName(), checkedReason));
    }

    /** Marks the tool call expired if it is pending and its time is up; otherwise nothing happens. */
    void expire(String toolCallId, Instant now) {
        ToolCall call = toolCall(toolCallId);
        if (call.status() == ToolCallStatus.PENDING && !now.isBefore(call.expiresAt())) {
            apply(new ToolCallExpiredEvent(conversationId, organizationId, toolCallId, call.toolName()));
        }
    }

    private MessagePostedEvent message(PostMessageCommand command, String role, boolean proposes) {
        String content = MessageRules.content(command.content(), proposes);
        String model = MessageRules.model(command.model());
        Long input = MessageRules.tokens("inputTokens", command.inputTokens());
        Long output = MessageRules.tokens("outputTokens", command.outputTokens());
        Long cached = MessageRules.tokens("cachedTokens", command.cachedTokens());
        if (model == null && (input != null || output != null || cached != null)) {
            throw new DomainException(ConversationErrorCode.TOKENS_WITHOUT_MODEL,
                    "Token usage needs the model that spent it");
        }
        return new MessagePostedEvent(conversationId, organizationId, command.messageId(), messages + 1, role,
                role.equals("user") ? command.authorId() : null, content, model, input, output, cached);
    }

    private ToolCallProposedEvent proposed(String messageId, ToolCallProposal proposal) {
        return new ToolCallProposedEvent(conversationId, organizationId, proposal.toolCallId(), messageId,
                MessageRules.toolName(proposal.toolName()), ToolArguments.check(proposal.arguments()),
                proposal.expiresAt());
    }

    private ToolCall requireDecidable(String toolCallId, Instant now) {
        ToolCall call = toolCall(toolCallId);
        if (call.status() == ToolCallStatus.APPROVED || call.status() == ToolCallStatus.REJECTED) {
            throw new DomainException(ConversationErrorCode.TOOL_CALL_DECIDED,
                    "The tool call was " + call.status().name().toLowerCase(java.util.Locale.ROOT)
                            + " already; it is decided once");
        }
        if (call.status() == ToolCallStatus.EXPIRED || !now.isBefore(call.expiresAt())) {
            throw new DomainException(ConversationErrorCode.TOOL_CALL_EXPIRED,
                    "The tool call expired at " + call.expiresAt() + " undecided");
        }
        requireActive();
        return call;
    }

    private ToolCall toolCall(String toolCallId) {
        ToolCall call = toolCalls.get(toolCallId);
        if (call == null) {
            throw IdKind.TOOL_CALL.notFound(toolCallId);
        }
        return call;
    }

    private void requireActive() {
        if (archived) {
            throw new DomainException(ConversationErrorCode.CONVERSATION_ARCHIVED,
                    "The conversation is archived; restore it first");
        }
    }

    private static String optionalId(IdKind kind, String id) {
        return id == null || id.isEmpty() ? null : kind.require(id);
    }

    @EventSourcingHandler
    void on(ConversationStartedEvent event) {
        conversationId = event.conversationId();
        organizationId = event.organizationId();
        title = event.title();
    }

    @EventSourcingHandler
    void on(ConversationRenamedEvent event) {
        title = event.title();
    }

    @EventSourcingHandler
    void on(ConversationArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(ConversationRestoredEvent event) {
        archived = false;
    }

    @EventSourcingHandler
    void on(MessagePostedEvent event) {
        messages = event.sequence();
    }

    @EventSourcingHandler
    void on(ToolCallProposedEvent event) {
        toolCalls.put(event.toolCallId(), new ToolCall(event.toolName(), event.expiresAt(), ToolCallStatus.PENDING));
    }

    @EventSourcingHandler
    void on(ToolCallApprovedEvent event) {
        toolCalls.computeIfPresent(event.toolCallId(), (id, call) -> call.with(ToolCallStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(ToolCallRejectedEvent event) {
        toolCalls.computeIfPresent(event.toolCallId(), (id, call) -> call.with(ToolCallStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(ToolCallExpiredEvent event) {
        toolCalls.computeIfPresent(event.toolCallId(), (id, call) -> call.with(ToolCallStatus.EXPIRED));
    }
}
