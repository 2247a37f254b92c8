package dev.warden.command.governance;

import static dev.warden.command.governance.AgentSessionTestData.APPROVAL_TTL;
import static dev.warden.command.governance.AgentSessionTestData.rule;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.warden.command.support.RecordingDueCommands;
import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.ExpireApprovalCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Deciding a tool call in an agent session: the session's and the server's standing first, then the
 * organization's rules (first match wins, the default when none matches), each decision recorded
 * with the hash and the sealed arguments, never the arguments.
 */
class DecisionTest extends AgentSessionFixture {

    private static final String NO_RULE = "No rule matched; the organization's default is ";

    @Nested
    class ByTheRules {

        @Test
        void aRuleThatAllowsAllowsAndIsNamed() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("reads", "read_*", Effect.ALLOW));
            roles.byUser.put(ALICE, Set.of("role_b", "role_a"));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(ruled(FIRST, Outcome.ALLOW, "reads", null, null, "Matched rule 'reads' of policy "
                            + POLICY + " version 1: allow", List.of("role_a", "role_b")))
                    .expectResultMessagePayload(new Decision(FIRST, SESSION, SERVER, "read_file", HOSTS_HASH,
                            Outcome.ALLOW, POLICY, 1, "reads", null, null, null, "Matched rule 'reads' of policy "
                            + POLICY + " version 1: allow", DecisionBasis.RULE));
            assertThat(seal.sealed).containsExactly("{\"path\":\"/etc/hosts\"}");
        }

        @Test
        void alertAllowsAndFlags() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("watch", "read_file", Effect.ALERT));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(ruled(FIRST, Outcome.ALERT, "watch", null, null, "Matched rule 'watch' of policy "
                            + POLICY + " version 1: alert", List.of()));
        }

        @Test
        void theFirstMatchingRuleWins() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("no-files", "*_file", Effect.DENY),
                    rule("reads", "read_*", Effect.ALLOW));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(ruled(FIRST, Outcome.DENY, "no-files", null, null, "Matched rule 'no-files' of"
                            + " policy " + POLICY + " version 1: deny", List.of()));
        }

        @Test
        void nothingMatchingMeansTheDefaultWhichIsDeny() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("writes", "write_*", Effect.ALLOW));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null, NO_RULE + "deny"));
        }

        @Test
        void anOrganizationMayDefaultToAllow() {
            rules.defaultEffect = Effect.ALLOW;
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.ALLOW, null, NO_RULE + "allow"));
        }

        @Test
        void aMonitorModeRuleChangesNothingAndRecordsWhatItWouldHaveDone() {
            rules.policy(POLICY, 1, PolicyMode.MONITOR, rule("no-reads", "read_*", Effect.DENY));
            rules.defaultEffect = Effect.ALLOW;
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(new ToolCallDecidedEvent(SESSION, ORG, FIRST, SERVER, "read_file", HOSTS_HASH,
                            AgentSessionTestData.Seal.sealedFor(ORG, SESSION, FIRST), ALICE, KEY, null, List.of(),
                            Outcome.ALLOW, null, null, null, Effect.DENY, null, "No rule matched; the organization's"
                            + " default is allow; in monitor mode, rule 'no-reads' of policy " + POLICY
                            + " version 1 would deny", DecisionBasis.DEFAULT));
        }

        @Test
        void aToolTheServerNeverListedIsLeftToTheRules() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("any", "*", Effect.ALLOW));
            fixture.given(opened())
                    .when(decide(FIRST, "never_listed", Map.of()), AS_KEY)
                    .expectResultMessagePayloadMatching(outcome(Outcome.ALLOW));
        }

        @Test
        void aRuleThatRequiresApprovalOpensOneBoundToTheCallAndSchedulesItsExpiry() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("ask", "read_file", Effect.REQUIRE_APPROVAL));
            Instant expiresAt = NOW.plus(APPROVAL_TTL);
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(askedFirst(expiresAt), approvalRequested(expiresAt))
                    .expectResultMessagePayload(new Decision(FIRST, SESSION, SERVER, "read_file", HOSTS_HASH,
                            Outcome.APPROVAL_REQUIRED, POLICY, 1, "ask", null, FIRST_APPROVAL, expiresAt,
                            askedFirst(expiresAt).reason(), DecisionBasis.RULE));
            assertThat(due.scheduled()).containsEntry("approval-expiry:" + FIRST_APPROVAL,
                    new RecordingDueCommands.Scheduled(expiresAt, new ExpireApprovalCommand(SESSION, ORG,
                            FIRST_APPROVAL)));
        }
    }

    @Nested
    class ByStanding {

        @Test
        void anEndedSessionDeniesWithoutAskingTheServerOrTheRules() {
            fixture.given(opened(), new AgentSessionTerminatedEvent(SESSION, ORG, "runaway agent"))
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null,
                            "Denied: the agent session was terminated: runaway agent"));
            assertThat(gate.asked + rules.asked + roles.asked).isZero();
        }

        @Test
        void aSessionClosedForInactivityDeniesSayingSo() {
            fixture.given(opened(), new AgentSessionClosedEvent(SESSION, ORG, true))
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null,
                            "Denied: the agent session was closed for inactivity"));
        }

        @Test
        void aSuspendedServerDeniesWhateverTheRulesSay() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("any", "*", Effect.ALLOW));
            gate.with(ServerGate.Status.SUSPENDED, Set.of());
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null, "Denied: MCP server " + SERVER
                            + " is suspended"));
            assertThat(rules.asked).isZero();
        }

        @Test
        void aDeregisteredServerDenies() {
            gate.with(ServerGate.Status.DEREGISTERED, Set.of());
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null, "Denied: MCP server " + SERVER
                            + " is deregistered"));
        }

        @Test
        void aHeldToolIsDeniedOtherToolsAreNot() {
            rules.policy(POLICY, 1, PolicyMode.ENFORCE, rule("any", "*", Effect.ALLOW));
            gate.with(ServerGate.Status.ACTIVE, Set.of("read_file"));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), AS_KEY)
                    .expectEvents(unruled(FIRST, Outcome.DENY, null, "Denied: tool 'read_file' is held: its"
                            + " definition changed and waits for a member's approval"));
            fixture.given(opened())
                    .when(decide(SECOND, "list_files", HOSTS), AS_KEY)
                    .expectResultMessagePayloadMatching(outcome(Outcome.ALLOW));
        }
    }

    @Nested
    class Refusals {

        @Test
        void onlyTheSessionsCallerAsksInIt() {
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), Map.of("actorType", Actor.API_KEY, "actorId",
                            GovernanceTestData.id(IdKind.API_KEY, "other")))
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()))
                    .expectNoEvents();
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", HOSTS), Map.of("actorType", Actor.USER, "actorId", ALICE))
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
        }

        @Test
        void aSessionOfAnotherOrganizationLooksMissing() {
            fixture.given(opened())
                    .when(new DecideToolCallCommand(SESSION, OTHER_ORG, FIRST,
                            "read_file", HOSTS), AS_KEY)
                    .expectException(refusedWith(IdKind.AGENT_SESSION.notFoundCode()));
        }

        @Test
        void aMissingOrUnwritableToolNameIsRefused() {
            for (String tool : new String[] {null, " ", "read\u0000file", "t".repeat(129)}) {
                fixture.given(opened())
                        .when(decide(FIRST, tool, HOSTS), AS_KEY)
                        .expectException(refusedWith(GovernanceErrorCode.INVALID_TOOL_CALL))
                        .expectNoEvents();
            }
        }

        @Test
        void argumentsThatAreNoJsonAreRefusedWithoutBeingQuoted() {
            Map<String, Object> notJson = new HashMap<>(Map.of("secret", "hunter2-\ud800"));
            fixture.given(opened())
                    .when(decide(FIRST, "read_file", notJson), AS_KEY)
                    .expectException(refusedWith(GovernanceErrorCode.INVALID_TOOL_CALL))
                    .expectExceptionMessage(not(containsString("hunter2")))
                    .expectNoEvents();
            assertThat(seal.sealed).isEmpty();
        }
    }

    static Matcher<Decision> outcome(Outcome expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Decision decision) {
                return decision.outcome() == expected;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a decision with outcome ").appendValue(expected);
            }
        };
    }
}
