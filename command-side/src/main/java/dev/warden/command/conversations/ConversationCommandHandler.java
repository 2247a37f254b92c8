package dev.warden.command.conversations;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.DueCommands;
import dev.warden.events.conversations.ApproveToolCallCommand;
import dev.warden.events.conversations.ArchiveConversationCommand;
import dev.warden.events.conversations.ExpireToolCallCommand;
import dev.warden.events.conversations.PostMessageCommand;
import dev.warden.events.conversations.RejectToolCallCommand;
import dev.warden.events.conversations.RenameConversationCommand;
import dev.warden.events.conversations.RestoreConversationCommand;
import dev.warden.events.conversations.StartConversationCommand;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A conversation's life: started, renamed, archived and restored, messages posted to it. A message
 * that proposes a tool call schedules the call's expiry at its due time; a decision before then
 * drops it. Another organization's conversation looks missing.
 */
@Component
class ConversationCommandHandler {

    private final Repository<Conversation> conversations;
    private final Clock clock;
    private final DueCommands due;

    ConversationCommandHandler(@Qualifier("conversationRepository") Repository<Conversation> conversations,
                               Clock clock, DueCommands due) {
        this.conversations = conversations;
        this.clock = clock;
        this.due = due;
    }

    @CommandHandler
    void handle(StartConversationCommand command) throws Exception {
        conversations.newInstance(() -> new Conversation(command));
    }

    @CommandHandler
    void handle(RenameConversationCommand command) {
        load(command.conversationId(), command.organizationId()).execute(c -> c.rename(command.title()));
    }

    @CommandHandler
    void handle(ArchiveConversationCommand command) {
        load(command.conversationId(), command.organizationId()).execute(Conversation::archive);
    }

    @CommandHandler
    void handle(RestoreConversationCommand command) {
        load(command.conversationId(), command.organizationId()).execute(Conversation::restore);
    }

    @CommandHandler
    void handle(PostMessageCommand command) {
        load(command.conversationId(), command.organizationId()).execute(c -> c.post(command));
        if (command.toolCall() != null) {
            due.schedule(expiryKey(command.toolCall().toolCallId()), command.toolCall().expiresAt(),
                    new ExpireToolCallCommand(command.conversationId(), command.organizationId(),
                            command.toolCall().toolCallId()));
        }
    }

    @CommandHandler
    void handle(ApproveToolCallCommand command) {
        load(command.conversationId(), command.organizationId())
                .execute(c -> c.approve(command.toolCallId(), command.reason(), clock.instant()));
        due.cancel(expiryKey(command.toolCallId()));
    }

    @CommandHandler
    void handle(RejectToolCallCommand command) {
        load(command.conversationId(), command.organizationId())
                .execute(c -> c.reject(command.toolCallId(), command.reason(), clock.instant()));
        due.cancel(expiryKey(command.toolCallId()));
    }

    @CommandHandler
    void handle(ExpireToolCallCommand command) {
        load(command.conversationId(), command.organizationId())
                .execute(c -> c.expire(command.toolCallId(), clock.instant()));
    }

    /** What a tool call's expiry is scheduled under. */
    static String expiryKey(String toolCallId) {
        return "tool-call-expiry:" + toolCallId;
    }

    /** The conversation, if it is the organization's; another organization's conversation looks missing. */
    private Aggregate<Conversation> load(String conversationId, String organizationId) {
        Aggregate<Conversation> conversation = Aggregates.load(conversations, conversationId);
        conversation.execute(c -> c.requireIn(organizationId));
        return conversation;
    }
}
