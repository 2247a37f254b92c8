package dev.warden.command.access;

import dev.warden.events.shared.SecurityErrorCode;
import static dev.warden.command.access.AccessTestData.ADMIN_ROLE_ID;
import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ROLE_ID;
import static dev.warden.command.access.AccessTestData.OTHER_USER_ID;
import static dev.warden.command.access.AccessTestData.ROLE_ID;
import static dev.warden.command.access.AccessTestData.ROLE_NAME;
import static dev.warden.command.access.AccessTestData.SYSTEM_ROLE_ID;
import static dev.warden.command.access.AccessTestData.USER_ID;
import static dev.warden.command.access.AccessTestData.adminRoleCreated;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.customRoleCreated;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.access.AccessTestData.otherOrganizationsRoleCreated;
import static dev.warden.command.access.AccessTestData.systemRoleCreated;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AccessRequestApprovedEvent;
import dev.warden.events.access.AccessRequestCancelledEvent;
import dev.warden.events.access.AccessRequestDeniedEvent;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.events.access.ApproveAccessRequestCommand;
import dev.warden.events.access.CancelAccessRequestCommand;
import dev.warden.events.access.DenyAccessRequestCommand;
import dev.warden.events.access.ExpireAccessRequestCommand;
import dev.warden.events.access.RequestAccessCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The access-request workflow, run by {@link AccessRequestCommandHandler}: Alice asks, Bob (a Manager) decides. */
class AccessRequestTest {

    private static final String REQUEST_ID = AccessTestData.id(IdKind.ACCESS_REQUEST, "deploy");
    private static final String BOB_MEMBER_ID = AccessTestData.id(IdKind.MEMBER, "bob");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES_AT = NOW.plus(Duration.ofDays(7));
    private static final String JUSTIFICATION = "I deploy the release on Friday";

    private AggregateTestFixture<AccessRequest> fixture;
    private EventSourcedAggregates<Organization> organizations;
    private EventSourcedAggregates<Role> roles;
    private RecordingAggregateLocks locks;
    private MutableClock clock;
    private RecordingDueCommands due;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessRequest.class);
        organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID), aliceJoined(),
                new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID),
                new MemberAddedEvent(ORGANIZATION_ID, BOB_MEMBER_ID, OTHER_USER_ID),
                new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, ADMIN_ROLE_ID));
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID));
        roles = new EventSourcedAggregates<>(Role.class);
        roles.given(ROLE_ID, customRoleCreated())
                .given(SYSTEM_ROLE_ID, systemRoleCreated())
                .given(ADMIN_ROLE_ID, adminRoleCreated())
                .given(OTHER_ROLE_ID, otherOrganizationsRoleCreated());
        InMemoryUniqueNames names = new InMemoryUniqueNames();
        AccessTestData.claimSystemRoleNames(names);
        locks = new RecordingAggregateLocks();
        clock = new MutableClock(NOW);
        due = new RecordingDueCommands();
        AccessTestData.accessCommandHandlers(roles.repository(),
                organizations.repository(), names, locks, fixture.getRepository(), clock, due)
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    private static RequestAccessCommand request(String requesterId, String roleId) {
        return new RequestAccessCommand(REQUEST_ID, ORGANIZATION_ID, requesterId, roleId, JUSTIFICATION, EXPIRES_AT);
    }

    private static AccessRequestedEvent requested() {
        return new AccessRequestedEvent(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID, JUSTIFICATION, EXPIRES_AT);
    }

    private static ApproveAccessRequestCommand approveByBob() {
        return new ApproveAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, "Go ahead");
    }

    private static AccessRequestApprovedEvent approved() {
        return new AccessRequestApprovedEvent(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID, "Go ahead");
    }

    private List<Object> roleAssignmentsOfAlice() {
        return organizations.eventsOf(ORGANIZATION_ID).stream()
                .filter(e -> e instanceof RoleAssignedEvent assigned && assigned.userId().equals(USER_ID))
                .toList();
    }

    /** Runs {@code action} as Bob holding exactly {@code permissions} in the sample organization. */
    private static void actingAsBobWith(Set<String> permissions, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(OTHER_USER_ID, "user",
                ORGANIZATION_ID, "req-1", "req-1", null, permissions))) {
            action.run();
        }
    }

    @Nested
    class Requesting {

        @Test
        void memberRequestsRoleTheyDoNotHold() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID,
                            "  " + JUSTIFICATION + " ", EXPIRES_AT))
                    .expectEvents(requested());
        }

        @Test
        void openingARequestSchedulesItsExpiryForItsExpiryTime() {
            fixture.givenNoPriorActivity().when(request(USER_ID, ROLE_ID)).expectEvents(requested());
            assertThat(due.scheduled()).containsExactly(Map.entry("access-request-expiry:" + REQUEST_ID,
                    new RecordingDueCommands.Scheduled(EXPIRES_AT,
                            new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))));
        }

        @Test
        void rejectsNonMember() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(REQUEST_ID, OTHER_ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID,
                            JUSTIFICATION, EXPIRES_AT))
                    .expectException(refusedWith(AccessErrorCode.NOT_A_MEMBER))
                    .expectNoEvents();
            assertThat(due.scheduled()).as("a refused request schedules nothing").isEmpty();
        }

        @Test
        void rejectsRoleAlreadyHeld() {
            fixture.givenNoPriorActivity()
                    .when(request(USER_ID, SYSTEM_ROLE_ID))
                    .expectException(refusedWith(AccessErrorCode.ROLE_ALREADY_HELD))
                    .expectNoEvents();
        }

        @Test
        void rejectsRoleOfAnotherOrganizationAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(request(USER_ID, OTHER_ROLE_ID))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsDeletedRoleAsNotFound() {
            roles.given(ROLE_ID, new RoleDeletedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME));

            fixture.givenNoPriorActivity()
                    .when(request(USER_ID, ROLE_ID))
                    .expectException(refusedWith(IdKind.ROLE.notFoundCode()))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "bell\u0007"})
        void rejectsMissingOrInvalidJustification(String justification) {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID, justification,
                            EXPIRES_AT))
                    .expectException(refusedWith(AccessErrorCode.INVALID_TEXT))
                    .expectNoEvents();
        }

        @Test
        void rejectsOverlongJustification() {
            fixture.givenNoPriorActivity()
                    .when(new RequestAccessCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID,
                            "j".repeat(AccessRequest.MAX_TEXT_LENGTH + 1), EXPIRES_AT))
                    .expectException(refusedWith(AccessErrorCode.INVALID_TEXT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Approving {

        @Test
        void approvalAssignsTheRoleInTheSameUnitOfWork() {
            fixture.given(requested())
                    .when(approveByBob())
                    .expectEvents(approved());

            assertThat(roleAssignmentsOfAlice()).containsExactly(
                    new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID),
                    new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));
            assertThat(locks.locked()).as("a custom role is locked against deletion").containsExactly(ROLE_ID);
        }

        @Test
        void approvingAgainStoresNothing() {
            organizations.given(ORGANIZATION_ID, new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ROLE_ID));

            fixture.given(requested(), approved())
                    .when(approveByBob())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();

            assertThat(roleAssignmentsOfAlice()).hasSize(2);
        }

        @Test
        void approvalTheRoleCannotFollowStoresNeitherApprovalNorAssignment() {
            organizations.given(ORGANIZATION_ID, new MemberRemovedEvent(ORGANIZATION_ID, AccessTestData.MEMBER_ID,
                    USER_ID));

            fixture.given(requested())
                    .when(approveByBob())
                    .expectException(refusedWith(AccessErrorCode.NOT_A_MEMBER))
                    .expectNoEvents();

            assertThat(roleAssignmentsOfAlice()).containsExactly(
                    new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, SYSTEM_ROLE_ID));
        }

        @Test
        void rejectsDeciderWhoLacksThePermissionsOfTheRole() {
            actingAsBobWith(Set.of("access-requests:approve", "projects:read"), () -> fixture.given(requested())
                    .when(approveByBob())
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectNoEvents());

            assertThat(roleAssignmentsOfAlice()).hasSize(1);
        }

        @Test
        void deciderHoldingThePermissionsOfTheRoleApproves() {
            actingAsBobWith(Set.of("access-requests:approve", "projects:read", "workspaces:write"),
                    () -> fixture.given(requested())
                            .when(approveByBob())
                            .expectEvents(approved()));
        }

        @Test
        void rejectsRequesterDecidingTheirOwnRequest() {
            fixture.given(requested())
                    .when(new ApproveAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID, "Fine by me"))
                    .expectException(refusedWith(AccessErrorCode.OWN_REQUEST))
                    .expectNoEvents();

            assertThat(roleAssignmentsOfAlice()).hasSize(1);
        }

        @Test
        void rejectsExpiredRequest() {
            clock.set(EXPIRES_AT);

            fixture.given(requested())
                    .when(approveByBob())
                    .expectException(refusedWith(AccessErrorCode.ACCESS_REQUEST_CLOSED))
                    .expectNoEvents();

            assertThat(roleAssignmentsOfAlice()).hasSize(1);
        }

        @Test
        void approvesJustBeforeExpiry() {
            clock.set(EXPIRES_AT.minusMillis(1));

            fixture.given(requested())
                    .when(approveByBob())
                    .expectEvents(approved());
        }

        @Test
        void rejectsDeniedRequest() {
            fixture.given(requested(), new AccessRequestDeniedEvent(REQUEST_ID, ORGANIZATION_ID, "No"))
                    .when(approveByBob())
                    .expectException(refusedWith(AccessErrorCode.ACCESS_REQUEST_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void answersRequestOfAnotherOrganizationAsNotFound() {
            fixture.given(requested())
                    .when(new ApproveAccessRequestCommand(REQUEST_ID, OTHER_ORGANIZATION_ID, OTHER_USER_ID, null))
                    .expectException(refusedWith(IdKind.ACCESS_REQUEST.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void answersUnknownRequestAsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(approveByBob())
                    .expectException(refusedWith(IdKind.ACCESS_REQUEST.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void approvesWithoutAReason() {
            fixture.given(requested())
                    .when(new ApproveAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, "  "))
                    .expectEvents(new AccessRequestApprovedEvent(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID, null));
        }
    }

    @Nested
    class Denying {

        @Test
        void deniesWithAReason() {
            fixture.given(requested())
                    .when(new DenyAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, " Not this quarter "))
                    .expectEvents(new AccessRequestDeniedEvent(REQUEST_ID, ORGANIZATION_ID, "Not this quarter"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void rejectsDenialWithoutAReason(String reason) {
            fixture.given(requested())
                    .when(new DenyAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, reason))
                    .expectException(refusedWith(AccessErrorCode.INVALID_TEXT))
                    .expectNoEvents();
        }

        @Test
        void denyingAgainStoresNothing() {
            fixture.given(requested(), new AccessRequestDeniedEvent(REQUEST_ID, ORGANIZATION_ID, "No"))
                    .when(new DenyAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, "Still no"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsDenyingAnApprovedRequest() {
            fixture.given(requested(), approved())
                    .when(new DenyAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID, "Changed my mind"))
                    .expectException(refusedWith(AccessErrorCode.ACCESS_REQUEST_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void rejectsRequesterDenyingTheirOwnRequest() {
            fixture.given(requested())
                    .when(new DenyAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID, "Never mind"))
                    .expectException(refusedWith(AccessErrorCode.OWN_REQUEST))
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void requesterCancels() {
            fixture.given(requested())
                    .when(new CancelAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID))
                    .expectEvents(new AccessRequestCancelledEvent(REQUEST_ID, ORGANIZATION_ID));
        }

        @Test
        void nobodyElseCancels() {
            fixture.given(requested())
                    .when(new CancelAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, OTHER_USER_ID))
                    .expectException(refusedWith(AccessErrorCode.NOT_REQUESTER))
                    .expectNoEvents();
        }

        @Test
        void cancellingAgainStoresNothing() {
            fixture.given(requested(), new AccessRequestCancelledEvent(REQUEST_ID, ORGANIZATION_ID))
                    .when(new CancelAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void rejectsCancellingAnApprovedRequest() {
            fixture.given(requested(), approved())
                    .when(new CancelAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID, USER_ID))
                    .expectException(refusedWith(AccessErrorCode.ACCESS_REQUEST_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void rejectsApprovingACancelledRequest() {
            fixture.given(requested(), new AccessRequestCancelledEvent(REQUEST_ID, ORGANIZATION_ID))
                    .when(approveByBob())
                    .expectException(refusedWith(AccessErrorCode.ACCESS_REQUEST_CLOSED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Expiring {

        @Test
        void doesNotExpireBeforeItsTime() {
            clock.set(EXPIRES_AT.minusSeconds(1));

            fixture.given(requested())
                    .when(new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void expiresAtItsTime() {
            clock.set(EXPIRES_AT);

            fixture.given(requested())
                    .when(new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))
                    .expectEvents(new AccessRequestExpiredEvent(REQUEST_ID, ORGANIZATION_ID));
        }

        @Test
        void expiringAgainStoresNothing() {
            clock.set(EXPIRES_AT.plus(Duration.ofDays(1)));

            fixture.given(requested(), new AccessRequestExpiredEvent(REQUEST_ID, ORGANIZATION_ID))
                    .when(new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void decidedRequestDoesNotExpire() {
            clock.set(EXPIRES_AT.plus(Duration.ofDays(1)));

            fixture.given(requested(), approved())
                    .when(new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void requestWithoutExpiryNeverExpires() {
            clock.set(NOW.plus(Duration.ofDays(3650)));

            fixture.given(new AccessRequestedEvent(REQUEST_ID, ORGANIZATION_ID, USER_ID, ROLE_ID, JUSTIFICATION, null))
                    .when(new ExpireAccessRequestCommand(REQUEST_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
