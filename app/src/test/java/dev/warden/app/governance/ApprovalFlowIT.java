package dev.warden.app.governance;

import static dev.warden.app.governance.AgentSessionFixtures.rule;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.warden.app.governance.AgentSessionFixtures.Agent;
import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestClock;
import dev.warden.app.support.WardenTest;
import dev.warden.command.governance.AgentSessionSettings;
import dev.warden.command.support.DueCommandPoller;
import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.ApprovalExpiredEvent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The approval flow through REST: a call a rule holds waits for a member; the identical call retried
 * waits for the same approval, then follows the member's decision; a call with other arguments needs
 * an approval of its own. An undecided approval expires at its time through the time-driven commands
 * (as the system), after which the identical call asks anew; an idle session closes the same way.
 */
@WardenTest
class ApprovalFlowIT {

    private static final Map<String, Object> HELLO = Map.of("message", "hello", "times", 2);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DueCommandPoller poller;

    @Autowired
    Clock clock;

    @Autowired
    AgentSessionSettings settings;

    Api admin;
    Agent agent;
    String session;

    @BeforeEach
    void approvalsForEcho() {
        admin = Api.admin(port);
        agent = AgentSessionFixtures.agent(admin);
        AgentSessionFixtures.policy(admin, agent.orgId(), List.of(rule("ask", "echo", "require-approval")));
        session = agent.open();
    }

    /** Lets every command due at the moved clock be sent before time moves back. */
    @AfterEach
    void settleAndResetClock() {
        TestClock.settleDueCommandsAndReset(jdbc, clock);
    }

    @Test
    void theIdenticalCallFollowsTheApprovalAndOtherArgumentsNeedTheirOwn() {
        JsonNode asked = agent.decide(session, "echo", HELLO);
        assertThat(asked.get("outcome").asString()).isEqualTo("approval-required");
        String approvalId = asked.get("approvalId").asString();
        assertThat(dueAt("approval-expiry:" + approvalId)).hasValueSatisfying(at -> assertThat(at)
                .isCloseTo(Instant.parse(asked.get("approvalExpiresAt").asString()), within(1, ChronoUnit.MILLIS)));

        JsonNode retried = agent.decide(session, "echo", Map.of("times", 2.0, "message", "hello"));
        assertThat(retried.get("outcome").asString()).isEqualTo("approval-required");
        assertThat(retried.get("approvalId").asString()).as("no second approval").isEqualTo(approvalId);
        assertThat(retried.get("ruleName").isNull()).isTrue();

        Api.Response approved = admin.post(approval(approvalId) + "/approve", Json.object("reason", "fine"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(dueAt("approval-expiry:" + approvalId)).as("nothing left to expire").isEmpty();

        JsonNode followed = agent.decide(session, "echo", HELLO);
        assertThat(followed.get("outcome").asString()).isEqualTo("allow");
        assertThat(followed.get("approvalId").asString()).isEqualTo(approvalId);
        assertThat(followed.get("reason").asString()).contains("granted");

        JsonNode other = agent.decide(session, "echo", Map.of("message", "hello", "times", 3));
        assertThat(other.get("outcome").asString()).isEqualTo("approval-required");
        assertThat(other.get("approvalId").asString()).isNotEqualTo(approvalId);
        String fresh = agent.open();
        assertThat(agent.decide(fresh, "echo", HELLO).get("outcome").asString())
                .as("an approval holds in its own session only").isEqualTo("approval-required");
    }

    @Test
    void numbersPastADoublesPrecisionAreTwoCallsAndAnApprovalOfOneDoesNotAllowTheOther() {
        Map<String, Object> one = Map.of("amount", new BigDecimal("9007199254740993.0"));
        Map<String, Object> other = Map.of("amount", new BigDecimal("9007199254740992.0"));

        JsonNode asked = agent.decide(session, "echo", one);
        JsonNode otherAsked = agent.decide(session, "echo", other);
        assertThat(asked.get("argumentsHash").asString())
                .isEqualTo(AgentSessionFixtures.sha256("{\"amount\":9007199254740993}"));
        assertThat(otherAsked.get("argumentsHash").asString())
                .isEqualTo(AgentSessionFixtures.sha256("{\"amount\":9007199254740992}"));
        assertThat(otherAsked.get("approvalId").asString()).isNotEqualTo(asked.get("approvalId").asString());
        String approvalId = asked.get("approvalId").asString();
        Api.Response approved = admin.post(approval(approvalId) + "/approve", Json.object("reason", "fine"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        assertThat(agent.decide(session, "echo", one).get("outcome").asString()).isEqualTo("allow");
        JsonNode stillAsked = agent.decide(session, "echo", other);
        assertThat(stillAsked.get("outcome").asString()).isEqualTo("approval-required");
        assertThat(stillAsked.get("approvalId").asString()).isEqualTo(otherAsked.get("approvalId").asString());
    }

    @Test
    void aDeniedApprovalDeniesTheIdenticalCallAndIsDecidedOnce() {
        String approvalId = agent.decide(session, "echo", HELLO).get("approvalId").asString();
        Api.Response denied = admin.post(approval(approvalId) + "/deny", Json.object("reason", "not now"));
        assertThat(denied.status()).as(denied.body()).isEqualTo(200);

        JsonNode refused = agent.decide(session, "echo", HELLO);
        assertThat(refused.get("outcome").asString()).isEqualTo("deny");
        assertThat(refused.get("approvalId").asString()).isEqualTo(approvalId);
        assertProblem(admin.post(approval(approvalId) + "/approve", null), 409, "APPROVAL_DECIDED");
        Api.Response again = admin.post(approval(approvalId) + "/deny", null);
        assertThat(again.status()).as("the same decision again stores nothing").isEqualTo(200);
        assertThat(again.json().has("position")).isFalse();
    }

    @Test
    void anUndecidedApprovalExpiresAtItsTimeAsTheSystemAndTheCallAsksAnew() {
        JsonNode asked = agent.decide(session, "echo", HELLO);
        String approvalId = asked.get("approvalId").asString();
        Instant expiresAt = Instant.parse(asked.get("approvalExpiresAt").asString());
        assertThat(expiresAt).isCloseTo(clock.instant().plus(settings.approvalTtl()), within(1, ChronoUnit.MINUTES));

        moveClockTo(expiresAt.minusSeconds(30));
        poller.sendDue();
        assertThat(events(ApprovalExpiredEvent.class)).as("not before its time").isZero();

        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt("approval-expiry:" + approvalId).isEmpty());
        assertThat(events(ApprovalExpiredEvent.class)).isEqualTo(1);
        assertThat(actorOf(ApprovalExpiredEvent.class)).isEqualTo("system");

        assertProblem(admin.post(approval(approvalId) + "/approve", null), 409, "APPROVAL_EXPIRED");
        JsonNode again = agent.decide(session, "echo", HELLO);
        assertThat(again.get("outcome").asString()).isEqualTo("approval-required");
        assertThat(again.get("approvalId").asString()).as("a new approval").isNotEqualTo(approvalId);
    }

    @Test
    void anIdleSessionIsClosedAsTheSystemAndDeniesLaterCalls() {
        Instant idleAt = dueAt("agent-session-idle:" + session)
                .orElseThrow(() -> new AssertionError("no look for inactivity planned"));
        assertThat(idleAt).isCloseTo(clock.instant().plus(settings.idleTimeout()), within(1, ChronoUnit.MINUTES));

        moveClockTo(idleAt.plusSeconds(1));
        poller.sendDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> events(AgentSessionClosedEvent.class) == 1);
        assertThat(actorOf(AgentSessionClosedEvent.class)).isEqualTo("system");
        assertThat(jdbc.sql("SELECT payload ->> 'idle' FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = ?").params(session, AgentSessionClosedEvent.class.getName())
                .query(String.class).single()).isEqualTo("true");
        assertThat(agent.decide(session, "echo", HELLO).get("reason").asString())
                .isEqualTo("Denied: the agent session was closed for inactivity");
    }

    private String approval(String approvalId) {
        return agent.base() + "/agent-sessions/" + session + "/approvals/" + approvalId;
    }

    private void moveClockTo(Instant target) {
        TestClock.advance(Duration.between(clock.instant(), target));
    }

    private Optional<Instant> dueAt(String key) {
        return jdbc.sql("SELECT due_at FROM due_commands WHERE key = ?").param(key)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private long events(Class<?> type) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?")
                .params(session, type.getName()).query(Long.class).single();
    }

    private String actorOf(Class<?> type) {
        return jdbc.sql("SELECT meta_data ->> 'actorType' FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = ?").params(session, type.getName()).query(String.class).single();
    }
}
