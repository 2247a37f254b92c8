package dev.warden.command.governance;

import static dev.warden.command.governance.AgentSessionTestData.IDLE_TIMEOUT;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.RecordingDueCommands;
import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.CloseAgentSessionCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.TerminateAgentSessionCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An agent session's life: opened on a server that is not deregistered, terminated (the kill switch)
 * or closed by its agent, and closed for inactivity once no decision came for the idle timeout; the
 * look for inactivity is planned once at opening and moved on only when it finds the session active.
 */
class AgentSessionTest extends AgentSessionFixture {

    private static final String IDLE_KEY = "agent-session-idle:" + SESSION;
    private static final CloseAgentSessionCommand IDLE_LOOK = new CloseAgentSessionCommand(SESSION, ORG, true);

    private static OpenAgentSessionCommand open(String mcpServerId, String agentName, String aiSystemId) {
        return new OpenAgentSessionCommand(SESSION, ORG, mcpServerId, agentName, KEY, ALICE, aiSystemId);
    }

    @Nested
    class Opening {

        @Test
        void opensOnAServerAndPlansTheFirstLookForInactivity() {
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "  claude ", null))
                    .expectEvents(opened());
            assertThat(due.scheduled()).containsExactlyEntriesOf(Map.of(IDLE_KEY,
                    new RecordingDueCommands.Scheduled(NOW.plus(IDLE_TIMEOUT), IDLE_LOOK)));
        }

        @Test
        void theAgentNameIsOptionalAndAnAiSystemIsNamedByItsId() {
            String aiSystem = GovernanceTestData.id(IdKind.AI_SYSTEM, "assistant");
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, " ", aiSystem))
                    .expectEvents(new AgentSessionOpenedEvent(SESSION, ORG, SERVER, null, KEY, ALICE, aiSystem));
        }

        @Test
        void aSuspendedServerTakesSessionsWhoseCallsItDenies() {
            gate.with(ServerGate.Status.SUSPENDED, Set.of());
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "claude", null))
                    .expectEvents(opened());
        }

        @Test
        void aDeregisteredServerTakesNone() {
            gate.with(ServerGate.Status.DEREGISTERED, Set.of());
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "claude", null))
                    .expectException(refusedWith(GovernanceErrorCode.SERVER_DEREGISTERED))
                    .expectNoEvents();
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void aServerMustBeNamedAndFound() {
            fixture.givenNoPriorActivity()
                    .when(open(null, "claude", null))
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_AGENT_SESSION));
            fixture.givenNoPriorActivity()
                    .when(open(GovernanceTestData.id(IdKind.MCP_SERVER, "elsewhere"), "claude", null))
                    .expectException(refusedWith(IdKind.MCP_SERVER.notFoundCode()));
            fixture.givenNoPriorActivity()
                    .when(open("not-a-server", "claude", null))
                    .expectException(refusedWith(IdKind.MCP_SERVER.notFoundCode()));
        }

        @Test
        void badNamesAndIdsAreRefused() {
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "two\nlines", null))
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_AGENT_SESSION));
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "a".repeat(AgentSessionCommandHandler.MAX_AGENT_NAME_LENGTH + 1), null))
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_AGENT_SESSION));
            fixture.givenNoPriorActivity()
                    .when(open(SERVER, "claude", "ais_short"))
                    .expectException(refusedWith(IdKind.AI_SYSTEM.notFoundCode()));
        }
    }

    @Nested
    class Ending {

        @Test
        void terminatingStopsTheSessionAndItsLooksForInactivity() {
            due.schedule(IDLE_KEY, NOW.plus(IDLE_TIMEOUT), IDLE_LOOK);
            fixture.given(opened())
                    .when(new TerminateAgentSessionCommand(SESSION, ORG, " runaway agent "))
                    .expectEvents(new AgentSessionTerminatedEvent(SESSION, ORG, "runaway agent"));
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void terminatingNeedsAReasonAndTwiceChangesNothing() {
            fixture.given(opened())
                    .when(new TerminateAgentSessionCommand(SESSION, ORG, " "))
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_AGENT_SESSION));
            fixture.given(opened(), new AgentSessionTerminatedEvent(SESSION, ORG, "stop"))
                    .when(new TerminateAgentSessionCommand(SESSION, ORG, "stop again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theAgentClosesItsSessionOnceAndAnEndedSessionStaysAsItEnded() {
            due.schedule(IDLE_KEY, NOW.plus(IDLE_TIMEOUT), IDLE_LOOK);
            fixture.given(opened())
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false))
                    .expectEvents(new AgentSessionClosedEvent(SESSION, ORG, false));
            assertThat(due.scheduled()).isEmpty();
            fixture.given(opened(), new AgentSessionClosedEvent(SESSION, ORG, false))
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false))
                    .expectNoEvents();
            fixture.given(opened(), new AgentSessionClosedEvent(SESSION, ORG, false))
                    .when(new TerminateAgentSessionCommand(SESSION, ORG, "stop"))
                    .expectException(refusedWith(GovernanceErrorCode.AGENT_SESSION_ENDED));
            fixture.given(opened(), new AgentSessionTerminatedEvent(SESSION, ORG, "stop"))
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false))
                    .expectException(refusedWith(GovernanceErrorCode.AGENT_SESSION_ENDED));
        }

        @Test
        void anotherKeyCannotEndTheSessionItsOwnKeyCan() {
            Map<String, Object> otherKey = Map.of("actorType", Actor.API_KEY, "actorId", IdKind.API_KEY.next());
            fixture.given(opened())
                    .when(new TerminateAgentSessionCommand(SESSION, ORG, "stop"), otherKey)
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
            fixture.given(opened())
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false), otherKey)
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
            fixture.given(opened())
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false), AgentSessionFixture.AS_KEY)
                    .expectEvents(new AgentSessionClosedEvent(SESSION, ORG, false));
        }

        @Test
        void anotherOrganizationsSessionLooksMissing() {
            fixture.given(opened())
                    .when(new TerminateAgentSessionCommand(SESSION, OTHER_ORG, "stop"))
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
            fixture.givenNoPriorActivity()
                    .when(new CloseAgentSessionCommand(SESSION, ORG, false))
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
        }
    }

    @Nested
    class Inactivity {

        @Test
        void aSessionWithoutDecisionsForTheIdleTimeoutCloses() {
            clock.set(NOW.plus(IDLE_TIMEOUT));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .when(IDLE_LOOK)
                    .expectEvents(new AgentSessionClosedEvent(SESSION, ORG, true));
            assertThat(due.scheduled()).isEmpty();
        }

        @Test
        void aSessionActiveSinceIsLookedAtAgainWhenItWillBeIdle() {
            clock.set(NOW.plus(IDLE_TIMEOUT));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened())
                    .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(10)))
                    .andGiven(unruled(FIRST, Outcome.DENY, null, "No rule matched; the organization's default is deny"))
                    .when(IDLE_LOOK)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            assertThat(due.scheduled()).containsExactlyEntriesOf(Map.of(IDLE_KEY,
                    new RecordingDueCommands.Scheduled(NOW.plus(Duration.ofMinutes(10)).plus(IDLE_TIMEOUT),
                            IDLE_LOOK)));
        }

        @Test
        void anEndedSessionNeedsNoMoreLooks() {
            clock.set(NOW.plus(IDLE_TIMEOUT).plus(IDLE_TIMEOUT));
            fixture.givenCurrentTime(NOW)
                    .andGiven(opened(), new AgentSessionTerminatedEvent(SESSION, ORG, "stop"))
                    .when(IDLE_LOOK)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            assertThat(due.scheduled()).isEmpty();
        }
    }
}
