package dev.warden.command.governance;

import static dev.warden.command.governance.AgentSessionTestData.APPROVAL_TTL;
import static dev.warden.command.governance.AgentSessionTestData.rule;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.ApprovalExpiredEvent;
import dev.warden.events.governance.ApprovalGrantedEvent;
import dev.warden.events.governance.ApprovalRejectedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.ExpireApprovalCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.GrantApprovalCommand;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.RejectApprovalCommand;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Approvals: a call a rule holds waits for a member, who grants or denies it once before it expires.
 * The identical call (same tool, same arguments) then follows the approval; a call with other
 * arguments is decided by the rules again, and an expired approval makes the identical call ask anew.
 */
class ApprovalTest extends AgentSessionFixture {

    private static final Instant EXPIRES_AT = NOW.plus(APPROVAL_TTL);
    private static final String SECOND_APPROVAL = GovernanceTestData.id(IdKind.APPROVAL, "second");

    @BeforeEach
    void askForFileReads() {
        rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("ask", "read_file", Effect.REQUIRE_APPROVAL));
    }

    private static Object[] pending(Object... more) {
        List<Object> events = new ArrayList<>(List.of(opened(), askedFirst(EXPIRES_AT),
                approvalRequested(EXPIRES_AT)));
        events.addAll(List.of(more));
        return events.toArray();
    }

    private static GrantApprovalCommand grant(String reason) {
        return new GrantApprovalCommand(SESSION, ORG, FIRST_APPROVAL, BOB, reason);
    }

    private static RejectApprovalCommand reject(String reason) {
        return new RejectApprovalCommand(SESSION, ORG, FIRST_APPROVAL, BOB, reason);
    }

    @Nested
    class Retries {

        @Test
        void theIdenticalCallWaitsForTheSameApprovalWithoutOpeningAnother() {
            fixture.given(pending())
                    .when(decide(SECOND, "read_file", Map.of("path", "/etc/hosts")), AS_KEY)
                    .expectEvents(unruled(SECOND, Outcome.APPROVAL_REQUIRED, FIRST_APPROVAL, "Waiting: approval "
                            + FIRST_APPROVAL + " of this exact call is pending until " + EXPIRES_AT));
            assertThat(rules.asked).isZero();
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void theIdenticalCallFollowsAGrantedApproval() {
            fixture.given(pending(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null)))
                    .when(decide(SECOND, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(SECOND, Outcome.ALLOW, FIRST_APPROVAL, "Allowed: approval "
                            + FIRST_APPROVAL + " was granted for this exact call"));
            assertThat(rules.asked).isZero();
        }

        @Test
        void theIdenticalCallIsDeniedAfterADeniedApproval() {
            fixture.given(pending(new ApprovalRejectedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, "no")))
                    .when(decide(SECOND, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(SECOND, Outcome.DENY, FIRST_APPROVAL, "Denied: approval "
                            + FIRST_APPROVAL + " was denied for this exact call"));
        }

        @Test
        void otherArgumentsNeedAnApprovalOfTheirOwn() {
            fixture.given(pending(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null)))
                    .when(decide(SECOND, "read_file", Map.of("path", "/etc/shadow")), AS_KEY)
                    .expectResultMessagePayloadMatching(DecisionTest.outcome(Outcome.APPROVAL_REQUIRED))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            instanceOf(ToolCallDecidedEvent.class), instanceOf(ApprovalRequestedEvent.class),
                            andNoMore())));
            assertThat(due.scheduled()).containsOnlyKeys("approval-expiry:" + SECOND_APPROVAL);
        }

        @Test
        void afterAnExpiryTheIdenticalCallAsksAgain() {
            Instant later = EXPIRES_AT.plusSeconds(60);
            clock.set(later);
            fixture.given(pending(new ApprovalExpiredEvent(SESSION, ORG, FIRST_APPROVAL)))
                    .when(decide(SECOND, "read_file", HOSTS), AS_KEY)
                    .expectEvents(secondAsked(later.plus(APPROVAL_TTL)), secondRequested(later.plus(APPROVAL_TTL)));
        }

        @Test
        void aPendingApprovalPastItsTimeExpiresWhenTheCallComesAgain() {
            clock.set(EXPIRES_AT);
            fixture.given(pending())
                    .when(decide(SECOND, "read_file", HOSTS), AS_KEY)
                    .expectEvents(new ApprovalExpiredEvent(SESSION, ORG, FIRST_APPROVAL),
                            secondAsked(EXPIRES_AT.plus(APPROVAL_TTL)), secondRequested(EXPIRES_AT.plus(APPROVAL_TTL)));
        }

        private ToolCallDecidedEvent secondAsked(Instant expiresAt) {
            return ruled(SECOND, Outcome.APPROVAL_REQUIRED, "ask", null, SECOND_APPROVAL, "Matched rule 'ask' of"
                    + " policy " + POLICY + " version 1: require-approval; approval " + SECOND_APPROVAL
                    + " waits for a member until " + expiresAt, List.of());
        }

        private ApprovalRequestedEvent secondRequested(Instant expiresAt) {
            return new ApprovalRequestedEvent(SESSION, ORG, SECOND_APPROVAL, SECOND, SERVER, "read_file", HOSTS_HASH,
                    POLICY, 1, "ask", expiresAt);
        }
    }

    @Nested
    class Deciding {

        @Test
        void aMemberGrantsAPendingApprovalAndItsExpiryIsDropped() {
            due.schedule("approval-expiry:" + FIRST_APPROVAL, EXPIRES_AT,
                    new ExpireApprovalCommand(SESSION, ORG, FIRST_APPROVAL));
            fixture.given(pending())
                    .when(grant("  looks fine "))
                    .expectEvents(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, "looks fine"));
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void aMemberDeniesAPendingApproval() {
            fixture.given(pending())
                    .when(reject(null))
                    .expectEvents(new ApprovalRejectedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null));
        }

        @Test
        void theSameDecisionAgainChangesNothing() {
            fixture.given(pending(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null)))
                    .when(grant(null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anApprovalIsDecidedOnce() {
            fixture.given(pending(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null)))
                    .when(reject("changed my mind"))
                    .expectException(refusedWith(GovernanceErrorCode.APPROVAL_DECIDED));
        }

        @Test
        void anApprovalPastItsTimeIsRefusedBeforeItsExpiryIsSent() {
            clock.set(EXPIRES_AT);
            fixture.given(pending())
                    .when(grant(null))
                    .expectException(refusedWith(GovernanceErrorCode.APPROVAL_EXPIRED));
            fixture.given(pending(new ApprovalExpiredEvent(SESSION, ORG, FIRST_APPROVAL)))
                    .when(reject(null))
                    .expectException(refusedWith(GovernanceErrorCode.APPROVAL_EXPIRED));
        }

        @Test
        void anEndedSessionTakesNoDecisions() {
            fixture.given(pending(new AgentSessionTerminatedEvent(SESSION, ORG, "stop")))
                    .when(grant(null))
                    .expectException(refusedWith(GovernanceErrorCode.AGENT_SESSION_ENDED));
        }

        @Test
        void anUnknownApprovalOrAnotherOrganizationsSessionLooksMissing() {
            fixture.given(pending())
                    .when(new GrantApprovalCommand(SESSION, ORG, SECOND_APPROVAL, BOB, null))
                    .expectException(refusedWith(IdKind.APPROVAL.notFoundCode()));
            fixture.given(pending())
                    .when(new GrantApprovalCommand(SESSION, OTHER_ORG, FIRST_APPROVAL, BOB, null))
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
        }

        @Test
        void anOverlongReasonIsRefused() {
            fixture.given(pending())
                    .when(grant("r".repeat(AgentSessionCommandHandler.MAX_REASON_LENGTH + 1)))
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_AGENT_SESSION));
        }
    }

    @Nested
    class Expiry {

        @Test
        void aPendingApprovalExpiresAtItsTime() {
            clock.set(EXPIRES_AT);
            fixture.given(pending())
                    .when(new ExpireApprovalCommand(SESSION, ORG, FIRST_APPROVAL))
                    .expectEvents(new ApprovalExpiredEvent(SESSION, ORG, FIRST_APPROVAL));
        }

        @Test
        void notBeforeItsTime() {
            clock.advance(APPROVAL_TTL.minus(Duration.ofSeconds(1)));
            fixture.given(pending())
                    .when(new ExpireApprovalCommand(SESSION, ORG, FIRST_APPROVAL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDecidedApprovalDoesNotExpire() {
            clock.set(EXPIRES_AT.plusSeconds(1));
            fixture.given(pending(new ApprovalGrantedEvent(SESSION, ORG, FIRST_APPROVAL, BOB, null)))
                    .when(new ExpireApprovalCommand(SESSION, ORG, FIRST_APPROVAL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
