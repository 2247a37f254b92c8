package dev.warden.command.conversations;

import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.events.conversations.ApproveToolCallCommand;
import dev.warden.events.conversations.ArchiveConversationCommand;
import dev.warden.events.conversations.ConversationArchivedEvent;
import dev.warden.events.conversations.ConversationErrorCode;
import dev.warden.events.conversations.ConversationRenamedEvent;
import dev.warden.events.conversations.ConversationRestoredEvent;
import dev.warden.events.conversations.ConversationStartedEvent;
import dev.warden.events.conversations.ExpireToolCallCommand;
import dev.warden.events.conversations.MessagePostedEvent;
import dev.warden.events.conversations.PostMessageCommand;
import dev.warden.events.conversations.RejectToolCallCommand;
import dev.warden.events.conversations.RenameConversationCommand;
import dev.warden.events.conversations.RestoreConversationCommand;
import dev.warden.events.conversations.StartConversationCommand;
import dev.warden.events.conversations.ToolCallApprovedEvent;
import dev.warden.events.conversations.ToolCallExpiredEvent;
import dev.warden.events.conversations.ToolCallProposal;
import dev.warden.events.conversations.ToolCallProposedEvent;
import dev.warden.events.conversations.ToolCallRejectedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Conversation aggregate, run by {@link ConversationCommandHandler}: Alice chats, an AI runner answers, Bob decides. */
class ConversationTest {

    private static final String ORG = id(IdKind.ORGANIZATION, "acme");
    private static final String OTHER_ORG = id(IdKind.ORGANIZATION, "globex");
    private static final String CONVERSATION = id(IdKind.CONVERSATION, "deploy");
    private static final String ALICE = id(IdKind.USER, "alice");
    private static final String BOB = id(IdKind.USER, "bob");
    private static final String PROJECT = id(IdKind.PROJECT, "shop");
    private static final String WORKSPACE = id(IdKind.WORKSPACE, "shop-prod");
    private static final String FIRST = id(IdKind.MESSAGE, "first");
    private static final String ANSWER = id(IdKind.MESSAGE, "answer");
    private static final String TOOL_CALL = id(IdKind.TOOL_CALL, "plan");
    private static final String MODEL = "claude-sonnet-4";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES_AT = NOW.plus(Duration.ofMinutes(15));
    private static final Map<String, Object> ARGUMENTS = Map.of("workspace", "shop-prod", "refresh", true);

    private AggregateTestFixture<Conversation> fixture;
    private MutableClock clock;
    private RecordingDueCommands due;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        clock = new MutableClock(NOW);
        due = new RecordingDueCommands();
        fixture.registerAnnotatedCommandHandler(new ConversationCommandHandler(fixture.getRepository(), clock, due));
    }

    static String id(IdKind kind, String name) {
        return kind.prefix() + "_" + (name + "0".repeat(IdKind.TAIL_LENGTH)).substring(0, IdKind.TAIL_LENGTH);
    }

    private static ConversationStartedEvent started() {
        return new ConversationStartedEvent(CONVERSATION, ORG, ALICE, "Deploy the shop", null, null);
    }

    private static PostMessageCommand userMessage(String content) {
        return new PostMessageCommand(CONVERSATION, ORG, FIRST, "user", ALICE, content, null, null, null, null, null);
    }

    private static MessagePostedEvent firstPosted() {
        return new MessagePostedEvent(CONVERSATION, ORG, FIRST, 1, "user", ALICE, "Plan the shop", null, null, null,
                null);
    }

    private static PostMessageCommand proposal(Map<String, Object> arguments) {
        return new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "I will plan it", MODEL, 120L,
                40L, 100L, new ToolCallProposal(TOOL_CALL, "terraform.plan", arguments, EXPIRES_AT));
    }

    private static MessagePostedEvent answerPosted() {
        return new MessagePostedEvent(CONVERSATION, ORG, ANSWER, 2, "assistant", null, "I will plan it", MODEL, 120L,
                40L, 100L);
    }

    private static ToolCallProposedEvent proposed() {
        return new ToolCallProposedEvent(CONVERSATION, ORG, TOOL_CALL, ANSWER, "terraform.plan", ARGUMENTS,
                EXPIRES_AT);
    }

    private static Object[] withPendingToolCall(Object... more) {
        List<Object> events = new ArrayList<>(List.of(started(), firstPosted(), answerPosted(), proposed()));
        events.addAll(List.of(more));
        return events.toArray();
    }

    @Nested
    class Starting {

        @Test
        void startsWithAStrippedTitle() {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE, "  Deploy the shop ", null, ""))
                    .expectEvents(started());
        }

        @Test
        void startsAboutAProjectAndAWorkspace() {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE, "Deploy the shop", PROJECT,
                            WORKSPACE))
                    .expectEvents(new ConversationStartedEvent(CONVERSATION, ORG, ALICE, "Deploy the shop", PROJECT,
                            WORKSPACE));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "bell\u0007", "two\nlines"})
        void rejectsAMissingOrInvalidTitle(String title) {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE, title, null, null))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_CONVERSATION_TITLE))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnOverlongTitle() {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE,
                            "t".repeat(MessageRules.MAX_TITLE_LENGTH + 1), null, null))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_CONVERSATION_TITLE))
                    .expectNoEvents();
        }

        @Test
        void aProjectIdOfAnotherShapeNamesNoProject() {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE, "Deploy", WORKSPACE, null))
                    .expectException(refusedWith(IdKind.PROJECT.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void aWorkspaceIdOfAnotherShapeNamesNoWorkspace() {
            fixture.givenNoPriorActivity()
                    .when(new StartConversationCommand(CONVERSATION, ORG, ALICE, "Deploy", null, "wks_short"))
                    .expectException(refusedWith(IdKind.WORKSPACE.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class RenamingAndArchiving {

        @Test
        void renames() {
            fixture.given(started())
                    .when(new RenameConversationCommand(CONVERSATION, ORG, " Ship the shop "))
                    .expectEvents(new ConversationRenamedEvent(CONVERSATION, ORG, "Ship the shop", "Deploy the shop"));
        }

        @Test
        void renamingToTheSameTitleStoresNothing() {
            fixture.given(started())
                    .when(new RenameConversationCommand(CONVERSATION, ORG, "Deploy the shop"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInvalidNewTitle() {
            fixture.given(started())
                    .when(new RenameConversationCommand(CONVERSATION, ORG, " "))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_CONVERSATION_TITLE))
                    .expectNoEvents();
        }

        @Test
        void anArchivedConversationIsNotRenamed() {
            fixture.given(started(), new ConversationArchivedEvent(CONVERSATION, ORG))
                    .when(new RenameConversationCommand(CONVERSATION, ORG, "Ship the shop"))
                    .expectException(refusedWith(ConversationErrorCode.CONVERSATION_ARCHIVED))
                    .expectNoEvents();
        }

        @Test
        void archivesAndRestores() {
            fixture.given(started())
                    .when(new ArchiveConversationCommand(CONVERSATION, ORG))
                    .expectEvents(new ConversationArchivedEvent(CONVERSATION, ORG));
            fixture.given(started(), new ConversationArchivedEvent(CONVERSATION, ORG))
                    .when(new RestoreConversationCommand(CONVERSATION, ORG))
                    .expectEvents(new ConversationRestoredEvent(CONVERSATION, ORG));
        }

        @Test
        void archivingAgainOrRestoringAnActiveConversationStoresNothing() {
            fixture.given(started(), new ConversationArchivedEvent(CONVERSATION, ORG))
                    .when(new ArchiveConversationCommand(CONVERSATION, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(started())
                    .when(new RestoreConversationCommand(CONVERSATION, ORG))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherOrganizationsConversationLooksMissing() {
            fixture.given(started())
                    .when(new ArchiveConversationCommand(CONVERSATION, OTHER_ORG))
                    .expectException(refusedWith(IdKind.CONVERSATION.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void anUnknownConversationIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new RenameConversationCommand(CONVERSATION, ORG, "Anything"))
                    .expectException(refusedWith(IdKind.CONVERSATION.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class Posting {

        @Test
        void aUserMessageCarriesItsAuthorAndContentAsSent() {
            fixture.given(started())
                    .when(userMessage("  Plan the shop\r\n\tplease "))
                    .expectEvents(new MessagePostedEvent(CONVERSATION, ORG, FIRST, 1, "user", ALICE,
                            "  Plan the shop\r\n\tplease ", null, null, null, null));
        }

        @Test
        void messagesAreNumberedInTheOrderTheyArePosted() {
            fixture.given(started(), firstPosted())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "I will plan it",
                            MODEL, 120L, 40L, 100L, null))
                    .expectEvents(answerPosted());
        }

        @Test
        void aMessageOtherThanAUsersCarriesNoAuthor() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, FIRST, "system", ALICE, "Be brief", null, null,
                            null, null, null))
                    .expectEvents(new MessagePostedEvent(CONVERSATION, ORG, FIRST, 1, "system", null, "Be brief",
                            null, null, null, null));
        }

        @Test
        void aUserMessageNeedsAUser() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, FIRST, "user", null, "Hello", null, null, null,
                            null, null))
                    .expectException(refusedWith(ConversationErrorCode.USER_MESSAGE_NEEDS_A_USER))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "robot", "USER", " user"})
        void rejectsAnUnknownRole(String role) {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, FIRST, role, ALICE, "Hello", null, null, null,
                            null, null))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_MESSAGE_ROLE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " \n ", "nul\u0000", "lone \ud800"})
        void rejectsMissingOrUnstorableContent(String content) {
            fixture.given(started())
                    .when(userMessage(content))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_MESSAGE_CONTENT))
                    .expectNoEvents();
        }

        @Test
        void rejectsOverlongContent() {
            fixture.given(started())
                    .when(userMessage("c".repeat(MessageRules.MAX_CONTENT_LENGTH + 1)))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_MESSAGE_CONTENT))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(longs = {-1, MessageRules.MAX_TOKENS + 1})
        void rejectsATokenCountOutOfRange(long count) {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "Done", MODEL, 1L,
                            1L, count, null))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TOKEN_COUNT))
                    .expectNoEvents();
        }

        @Test
        void tokenUsageNeedsItsModel() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "Done", " ", 0L,
                            null, null, null))
                    .expectException(refusedWith(ConversationErrorCode.TOKENS_WITHOUT_MODEL))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInvalidModelName() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "Done",
                            "m".repeat(MessageRules.MAX_MODEL_LENGTH + 1), null, null, null, null))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_MODEL))
                    .expectNoEvents();
        }

        @Test
        void anArchivedConversationRefusesMessages() {
            fixture.given(started(), new ConversationArchivedEvent(CONVERSATION, ORG))
                    .when(userMessage("Hello?"))
                    .expectException(refusedWith(ConversationErrorCode.CONVERSATION_ARCHIVED))
                    .expectNoEvents();
        }

        @Test
        void aRestoredConversationTakesMessagesAgain() {
            fixture.given(started(), new ConversationArchivedEvent(CONVERSATION, ORG),
                            new ConversationRestoredEvent(CONVERSATION, ORG))
                    .when(userMessage("Plan the shop"))
                    .expectEvents(firstPosted());
        }

        @Test
        void anotherOrganizationsConversationLooksMissing() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, OTHER_ORG, FIRST, "user", BOB, "Hi", null, null, null,
                            null, null))
                    .expectException(refusedWith(IdKind.CONVERSATION.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class Proposing {

        @Test
        void anAssistantMessageProposesAToolCallThatExpiresAtItsTime() {
            fixture.given(started(), firstPosted())
                    .when(proposal(ARGUMENTS))
                    .expectEvents(answerPosted(), proposed());
            assertThat(due.scheduled()).containsExactly(Map.entry("tool-call-expiry:" + TOOL_CALL,
                    new RecordingDueCommands.Scheduled(EXPIRES_AT, new ExpireToolCallCommand(CONVERSATION, ORG,
                            TOOL_CALL))));
        }

        @Test
        void aProposalMayComeWithoutContentOrArguments() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, null, null, null,
                            null, null, new ToolCallProposal(TOOL_CALL, "list_files", null, EXPIRES_AT)))
                    .expectEvents(new MessagePostedEvent(CONVERSATION, ORG, ANSWER, 1, "assistant", null, "", null,
                                    null, null, null),
                            new ToolCallProposedEvent(CONVERSATION, ORG, TOOL_CALL, ANSWER, "list_files", Map.of(),
                                    EXPIRES_AT));
        }

        @Test
        void onlyAnAssistantProposes() {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, FIRST, "user", ALICE, "Run it", null, null, null,
                            null, new ToolCallProposal(TOOL_CALL, "terraform.apply", Map.of(), EXPIRES_AT)))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_NOT_FROM_ASSISTANT))
                    .expectNoEvents();
            assertThat(due.scheduled()).as("a refused proposal schedules nothing").isEmpty();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "has space", "semi;colon", "ünicode"})
        void rejectsAnInvalidToolName(String name) {
            fixture.given(started())
                    .when(new PostMessageCommand(CONVERSATION, ORG, ANSWER, "assistant", null, "x", null, null, null,
                            null, new ToolCallProposal(TOOL_CALL, name, Map.of(), EXPIRES_AT)))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TOOL_NAME))
                    .expectNoEvents();
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void rejectsArgumentsNoColumnCanStore() {
            fixture.given(started())
                    .when(proposal(Map.of("nested", List.of(Map.of("path", "a\u0000b")))))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TOOL_ARGUMENTS))
                    .expectNoEvents();
        }

        @Test
        void rejectsArgumentsNestedTooDeep() {
            Map<String, Object> deep = new HashMap<>();
            Map<String, Object> level = deep;
            for (int i = 0; i < ToolArguments.MAX_DEPTH; i++) {
                Map<String, Object> next = new HashMap<>();
                level.put("next", next);
                level = next;
            }
            fixture.given(started())
                    .when(proposal(deep))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TOOL_ARGUMENTS))
                    .expectNoEvents();
        }

        @Test
        void rejectsArgumentsThatAreNoJson() {
            fixture.given(started())
                    .when(proposal(Map.of("when", Instant.EPOCH)))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TOOL_ARGUMENTS))
                    .expectNoEvents();
        }
    }

    @Nested
    class Deciding {

        @Test
        void aMemberApprovesAPendingToolCallAndItsExpiryIsDropped() {
            due.schedule("tool-call-expiry:" + TOOL_CALL, EXPIRES_AT, "expiry");
            fixture.given(withPendingToolCall())
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, " Looks safe "))
                    .expectEvents(new ToolCallApprovedEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan",
                            "Looks safe"));
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void aMemberRejectsAPendingToolCallWithoutAReason() {
            fixture.given(withPendingToolCall())
                    .when(new RejectToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectEvents(new ToolCallRejectedEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan", null));
        }

        @Test
        void approvesJustBeforeExpiry() {
            clock.set(EXPIRES_AT.minusMillis(1));
            fixture.given(withPendingToolCall())
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectEvents(new ToolCallApprovedEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan", null));
        }

        @Test
        void anApprovedToolCallIsNotDecidedAgain() {
            ToolCallApprovedEvent approved = new ToolCallApprovedEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan",
                    null);
            fixture.given(withPendingToolCall(approved))
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_DECIDED))
                    .expectNoEvents();
            fixture.given(withPendingToolCall(approved))
                    .when(new RejectToolCallCommand(CONVERSATION, ORG, TOOL_CALL, "Changed my mind"))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_DECIDED))
                    .expectNoEvents();
        }

        @Test
        void aRejectedToolCallIsNotDecidedAgain() {
            fixture.given(withPendingToolCall(new ToolCallRejectedEvent(CONVERSATION, ORG, TOOL_CALL,
                            "terraform.plan", null)))
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_DECIDED))
                    .expectNoEvents();
        }

        @Test
        void aToolCallPastItsTimeIsNotDecidedEvenBeforeItsExpiryIsRecorded() {
            clock.set(EXPIRES_AT);
            fixture.given(withPendingToolCall())
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_EXPIRED))
                    .expectNoEvents();
        }

        @Test
        void anExpiredToolCallIsNotDecided() {
            fixture.given(withPendingToolCall(new ToolCallExpiredEvent(CONVERSATION, ORG, TOOL_CALL,
                            "terraform.plan")))
                    .when(new RejectToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectException(refusedWith(ConversationErrorCode.TOOL_CALL_EXPIRED))
                    .expectNoEvents();
        }

        @Test
        void anArchivedConversationTakesNoDecisions() {
            fixture.given(withPendingToolCall(new ConversationArchivedEvent(CONVERSATION, ORG)))
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, TOOL_CALL, null))
                    .expectException(refusedWith(ConversationErrorCode.CONVERSATION_ARCHIVED))
                    .expectNoEvents();
        }

        @Test
        void anUnknownToolCallIsNotFound() {
            fixture.given(withPendingToolCall())
                    .when(new ApproveToolCallCommand(CONVERSATION, ORG, id(IdKind.TOOL_CALL, "other"), null))
                    .expectException(refusedWith(IdKind.TOOL_CALL.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void aToolCallOfAnotherOrganizationLooksMissing() {
            fixture.given(withPendingToolCall())
                    .when(new RejectToolCallCommand(CONVERSATION, OTHER_ORG, TOOL_CALL, null))
                    .expectException(refusedWith(IdKind.CONVERSATION.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsAnInvalidReason() {
            fixture.given(withPendingToolCall())
                    .when(new RejectToolCallCommand(CONVERSATION, ORG, TOOL_CALL,
                            "r".repeat(MessageRules.MAX_REASON_LENGTH + 1)))
                    .expectException(refusedWith(ConversationErrorCode.INVALID_TEXT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiring {

        @Test
        void expiresAtItsTime() {
            clock.set(EXPIRES_AT);
            fixture.given(withPendingToolCall())
                    .when(new ExpireToolCallCommand(CONVERSATION, ORG, TOOL_CALL))
                    .expectEvents(new ToolCallExpiredEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan"));
        }

        @Test
        void doesNotExpireBeforeItsTime() {
            clock.set(EXPIRES_AT.minusSeconds(1));
            fixture.given(withPendingToolCall())
                    .when(new ExpireToolCallCommand(CONVERSATION, ORG, TOOL_CALL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDecidedToolCallDoesNotExpire() {
            clock.set(EXPIRES_AT.plusSeconds(60));
            fixture.given(withPendingToolCall(new ToolCallApprovedEvent(CONVERSATION, ORG, TOOL_CALL,
                            "terraform.plan", null)))
                    .when(new ExpireToolCallCommand(CONVERSATION, ORG, TOOL_CALL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void expiringAgainStoresNothing() {
            clock.set(EXPIRES_AT.plusSeconds(60));
            fixture.given(withPendingToolCall(new ToolCallExpiredEvent(CONVERSATION, ORG, TOOL_CALL,
                            "terraform.plan")))
                    .when(new ExpireToolCallCommand(CONVERSATION, ORG, TOOL_CALL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anArchivedConversationsToolCallStillExpires() {
            clock.set(EXPIRES_AT);
            fixture.given(withPendingToolCall(new ConversationArchivedEvent(CONVERSATION, ORG)))
                    .when(new ExpireToolCallCommand(CONVERSATION, ORG, TOOL_CALL))
                    .expectEvents(new ToolCallExpiredEvent(CONVERSATION, ORG, TOOL_CALL, "terraform.plan"));
        }
    }
}
