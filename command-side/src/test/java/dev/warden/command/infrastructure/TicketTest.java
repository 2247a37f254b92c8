package dev.warden.command.infrastructure;

import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_USER_ID;
import static dev.warden.command.access.AccessTestData.USER_ID;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.identity.Organization;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.infrastructure.AssignTicketCommand;
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
import dev.warden.events.infrastructure.UnassignTicketCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A ticket's rules, run by {@link TicketCommandHandler}: Alice and Bob are members of the sample organization. */
class TicketTest {

    private static final String TICKET_ID = AccessTestData.id(IdKind.TICKET, "diskfull");
    private static final String PROJECT_ID = AccessTestData.id(IdKind.PROJECT, "network");
    private static final String WORKSPACE_ID = AccessTestData.id(IdKind.WORKSPACE, "staging");
    private static final String OUTSIDER_ID = AccessTestData.id(IdKind.USER, "mallory");

    private AggregateTestFixture<Ticket> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ticket.class);
        EventSourcedAggregates<Organization> organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID), aliceJoined(),
                new MemberAddedEvent(ORGANIZATION_ID, AccessTestData.id(IdKind.MEMBER, "bob"), OTHER_USER_ID));
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID));
        fixture.registerAnnotatedCommandHandler(new TicketCommandHandler(fixture.getRepository(),
                organizations.repository()));
    }

    private static TicketOpenedEvent opened() {
        return new TicketOpenedEvent(TICKET_ID, ORGANIZATION_ID, "Disk full", null, "medium", null, null);
    }

    private static OpenTicketCommand open(String title, String description, String priority, String projectId,
                                          String workspaceId) {
        return new OpenTicketCommand(TICKET_ID, ORGANIZATION_ID, title, description, priority, projectId,
                workspaceId);
    }

    private static TicketStatusChangedEvent moved(TicketStatus from, TicketStatus to) {
        return new TicketStatusChangedEvent(TICKET_ID, ORGANIZATION_ID, from.wire(), to.wire());
    }

    /** The events that bring a new ticket to {@code status} by allowed moves. */
    private static List<Object> historyTo(TicketStatus status) {
        List<Object> events = new ArrayList<>(List.of(opened()));
        switch (status) {
            case OPEN -> { }
            case BLOCKED -> events.add(moved(TicketStatus.OPEN, TicketStatus.BLOCKED));
            case IN_PROGRESS -> events.add(moved(TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
            case RESOLVED, CLOSED -> {
                events.add(moved(TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
                events.add(moved(TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED));
                if (status == TicketStatus.CLOSED) {
                    events.add(moved(TicketStatus.RESOLVED, TicketStatus.CLOSED));
                }
            }
        }
        return events;
    }

    @Nested
    class Opening {

        @Test
        void opensWithStrippedTitleAndMediumPriority() {
            fixture.givenNoPriorActivity()
                    .when(open("  Disk full ", "  ", null, null, null))
                    .expectEvents(opened());
        }

        @Test
        void opensAboutAProjectAndWorkspaceCheckedOnlyForTheirShape() {
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", "The state bucket\n\tis full", "critical", PROJECT_ID, WORKSPACE_ID))
                    .expectEvents(new TicketOpenedEvent(TICKET_ID, ORGANIZATION_ID, "Disk full",
                            "The state bucket\n\tis full", "critical", PROJECT_ID, WORKSPACE_ID));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "two\nlines", "bell\u0007", "right-to-left \u202e"})
        void refusesMissingOrInvalidTitle(String title) {
            fixture.givenNoPriorActivity()
                    .when(open(title, null, null, null, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_TITLE))
                    .expectNoEvents();
        }

        @Test
        void refusesOverlongTitleAndDescription() {
            fixture.givenNoPriorActivity()
                    .when(open("t".repeat(TicketRules.MAX_TITLE_LENGTH + 1), null, null, null, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_TITLE));
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", "d".repeat(TicketRules.MAX_DESCRIPTION_LENGTH + 1), null, null, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_DESCRIPTION))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "urgent", "HIGH", " high"})
        void refusesUnknownPriority(String priority) {
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", null, priority, null, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_PRIORITY))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "prj_short", "network", "prj_network000000000000000"})
        void refusesProjectOrWorkspaceIdOfAnotherShape(String id) {
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", null, null, id, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_PROJECT))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", null, null, PROJECT_ID, id.replace("prj_", "wks_")))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_WORKSPACE))
                    .expectNoEvents();
        }

        @Test
        void refusesAWorkspaceIdAsProjectAndTheOtherWayRound() {
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", null, null, WORKSPACE_ID, null))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_PROJECT))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(open("Disk full", null, null, null, PROJECT_ID))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_WORKSPACE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assigning {

        @Test
        void assignsAMember() {
            fixture.given(opened())
                    .when(new AssignTicketCommand(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .expectEvents(new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID));
        }

        @Test
        void reassignsToAnotherMemberAndAssigningAgainStoresNothing() {
            fixture.given(opened(), new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .when(new AssignTicketCommand(TICKET_ID, ORGANIZATION_ID, OTHER_USER_ID))
                    .expectEvents(new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, OTHER_USER_ID));
            fixture.given(opened(), new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .when(new AssignTicketCommand(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesSomeoneWhoIsNotAMemberAsAMissingMember() {
            fixture.given(opened())
                    .when(new AssignTicketCommand(TICKET_ID, ORGANIZATION_ID, OUTSIDER_ID))
                    .expectException(refusedWith(IdKind.MEMBER.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void refusesAClosedTicket() {
            fixture.given(historyTo(TicketStatus.CLOSED))
                    .when(new AssignTicketCommand(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(TicketErrorCode.TICKET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void unassignsAndUnassigningNobodyStoresNothing() {
            fixture.given(opened(), new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .when(new UnassignTicketCommand(TICKET_ID, ORGANIZATION_ID))
                    .expectEvents(new TicketUnassignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID));
            fixture.given(opened(), new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID),
                            new TicketUnassignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID))
                    .when(new UnassignTicketCommand(TICKET_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesToUnassignAClosedTicket() {
            List<Object> history = historyTo(TicketStatus.CLOSED);
            history.add(1, new TicketAssignedEvent(TICKET_ID, ORGANIZATION_ID, USER_ID));
            fixture.given(history)
                    .when(new UnassignTicketCommand(TICKET_ID, ORGANIZATION_ID))
                    .expectException(refusedWith(TicketErrorCode.TICKET_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Commenting {

        @Test
        void numbersCommentsInOrderFromOne() {
            fixture.given(opened(), new TicketCommentedEvent(TICKET_ID, ORGANIZATION_ID, 1, "Looking"))
                    .when(new CommentOnTicketCommand(TICKET_ID, ORGANIZATION_ID, " Found it:\n  the logs "))
                    .expectEvents(new TicketCommentedEvent(TICKET_ID, ORGANIZATION_ID, 2, "Found it:\n  the logs"));
        }

        @Test
        void commentsOnAClosedTicketToo() {
            fixture.given(historyTo(TicketStatus.CLOSED))
                    .when(new CommentOnTicketCommand(TICKET_ID, ORGANIZATION_ID, "For the record"))
                    .expectEvents(new TicketCommentedEvent(TICKET_ID, ORGANIZATION_ID, 1, "For the record"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  \n ", "nul\u0000"})
        void refusesEmptyOrInvalidComment(String body) {
            fixture.given(opened())
                    .when(new CommentOnTicketCommand(TICKET_ID, ORGANIZATION_ID, body))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_COMMENT))
                    .expectNoEvents();
        }

        @Test
        void refusesOverlongComment() {
            fixture.given(opened())
                    .when(new CommentOnTicketCommand(TICKET_ID, ORGANIZATION_ID,
                            "c".repeat(TicketRules.MAX_COMMENT_LENGTH + 1)))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_COMMENT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Moving {

        static Stream<Arguments> allowedMoves() {
            return Stream.of(
                    Arguments.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS),
                    Arguments.of(TicketStatus.OPEN, TicketStatus.BLOCKED),
                    Arguments.of(TicketStatus.BLOCKED, TicketStatus.OPEN),
                    Arguments.of(TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED),
                    Arguments.of(TicketStatus.RESOLVED, TicketStatus.CLOSED),
                    Arguments.of(TicketStatus.RESOLVED, TicketStatus.OPEN),
                    Arguments.of(TicketStatus.CLOSED, TicketStatus.OPEN));
        }

        /** Every other move between two different statuses, with what the refusal lists as allowed. */
        static Stream<Arguments> refusedMoves() {
            Map<TicketStatus, List<String>> allowed = Map.of(
                    TicketStatus.OPEN, List.of("in_progress", "blocked"),
                    TicketStatus.BLOCKED, List.of("open"),
                    TicketStatus.IN_PROGRESS, List.of("resolved"),
                    TicketStatus.RESOLVED, List.of("open", "closed"),
                    TicketStatus.CLOSED, List.of("open"));
            List<Arguments> moves = new ArrayList<>();
            for (TicketStatus from : TicketStatus.values()) {
                for (TicketStatus to : TicketStatus.values()) {
                    if (from != to && !allowed.get(from).contains(to.wire())) {
                        moves.add(Arguments.of(from, to, allowed.get(from)));
                    }
                }
            }
            return moves.stream();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("allowedMoves")
        void movesAlongTheWorkflow(TicketStatus from, TicketStatus to) {
            fixture.given(historyTo(from))
                    .when(new ChangeTicketStatusCommand(TICKET_ID, ORGANIZATION_ID, to.wire()))
                    .expectEvents(moved(from, to));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("refusedMoves")
        void refusesOtherMovesNamingTheAllowedOnes(TicketStatus from, TicketStatus to, List<String> allowed) {
            fixture.given(historyTo(from))
                    .when(new ChangeTicketStatusCommand(TICKET_ID, ORGANIZATION_ID, to.wire()))
                    .expectException(transitionRefused(from.wire(), allowed))
                    .expectNoEvents();
        }

        @Test
        void movingToTheCurrentStatusStoresNothing() {
            fixture.given(historyTo(TicketStatus.RESOLVED))
                    .when(new ChangeTicketStatusCommand(TICKET_ID, ORGANIZATION_ID, "resolved"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "done", "IN_PROGRESS", "in-progress"})
        void refusesWhatIsNotAStatus(String status) {
            fixture.given(opened())
                    .when(new ChangeTicketStatusCommand(TICKET_ID, ORGANIZATION_ID, status))
                    .expectException(refusedWith(TicketErrorCode.INVALID_TICKET_STATUS))
                    .expectNoEvents();
        }
    }

    @Nested
    class OtherOrganizations {

        @Test
        void aTicketOfAnotherOrganizationAnswersAsMissing() {
            for (Object command : List.of(
                    new AssignTicketCommand(TICKET_ID, OTHER_ORGANIZATION_ID, USER_ID),
                    new UnassignTicketCommand(TICKET_ID, OTHER_ORGANIZATION_ID),
                    new CommentOnTicketCommand(TICKET_ID, OTHER_ORGANIZATION_ID, "Hello"),
                    new ChangeTicketStatusCommand(TICKET_ID, OTHER_ORGANIZATION_ID, "in_progress"))) {
                fixture.given(opened())
                        .when(command)
                        .expectException(refusedWith(IdKind.TICKET.notFoundCode()))
                        .expectNoEvents();
            }
        }

        @Test
        void aMissingTicketAnswersAsMissing() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeTicketStatusCommand(TICKET_ID, ORGANIZATION_ID, "in_progress"))
                    .expectException(refusedWith(IdKind.TICKET.notFoundCode()))
                    .expectNoEvents();
        }
    }

    /** The refusal of a move, with the current status and the allowed moves as problem members. */
    private static Matcher<DomainException> transitionRefused(String current, List<String> allowed) {
        Map<String, Object> expected = Map.of("currentStatus", current, "allowedTransitions", allowed);
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception, Description mismatch) {
                mismatch.appendText("refused with ").appendValue(exception.code()).appendText(" ")
                        .appendValue(exception.properties());
                return exception.code() == TicketErrorCode.TICKET_TRANSITION_NOT_ALLOWED
                        && exception.properties().equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("TICKET_TRANSITION_NOT_ALLOWED with ").appendValue(expected);
            }
        };
    }
}
