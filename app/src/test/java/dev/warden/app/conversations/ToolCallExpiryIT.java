package dev.warden.app.conversations;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.ConversationFixtures;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.TestClock;
import dev.warden.app.support.WardenTest;
import dev.warden.command.conversations.ConversationSettings;
import dev.warden.command.support.DueCommandPoller;
import dev.warden.events.conversations.ToolCallExpiredEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A proposed tool call expires at its time through the time-driven commands: its expiry is
 * scheduled with the proposal, sent by the poller once due (as the system, never before), and a
 * decision after that time is refused; a decision in time drops the scheduled expiry.
 */
@WardenTest
class ToolCallExpiryIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DueCommandPoller poller;

    @Autowired
    Clock clock;

    @Autowired
    ConversationSettings settings;

    Api admin;
    String orgId;

    @BeforeEach
    void organization() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
    }

    /** Lets every command due at the moved clock be sent before time moves back. */
    @AfterEach
    void settleAndResetClock() {
        TestClock.settleDueCommandsAndReset(jdbc, clock);
    }

    @Test
    void aPendingToolCallExpiresAtItsTimeAsTheSystem() {
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(admin, orgId);
        String toolCall = path(call);
        JsonNode proposed = admin.get(toolCall + "?minPosition=" + call.position()).json();
        Instant expiresAt = Instant.parse(proposed.get("expiresAt").asString());
        assertThat(expiresAt).isCloseTo(Instant.parse(proposed.get("createdAt").asString()).plus(settings.toolCallTtl()),
                within(5, ChronoUnit.SECONDS));
        assertThat(dueAt(call.toolCallId())).hasValueSatisfying(at -> assertThat(at)
                .isCloseTo(expiresAt, within(1, ChronoUnit.MILLIS)));

        moveClockTo(expiresAt.minusSeconds(30));
        poller.sendDue();
        assertThat(dueAt(call.toolCallId())).as("not sent before its time").isPresent();
        assertThat(expiredEvents(call)).isZero();

        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(call.toolCallId()).isEmpty());
        assertThat(expiredEvents(call)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT meta_data ->> 'actorType' FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type = ?").params(call.conversationId(), ToolCallExpiredEvent.class.getName())
                .query(String.class).single()).isEqualTo("system");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode expired = admin.get(toolCall).json();
            assertThat(expired.get("status").asString()).isEqualTo("expired");
            assertThat(expired.get("decidedBy").asString()).isEqualTo("system");
        });

        assertProblem(admin.post(toolCall + "/approve", null), 409, "TOOL_CALL_EXPIRED");
        assertProblem(admin.post(toolCall + "/reject", null), 409, "TOOL_CALL_EXPIRED");
    }

    @Test
    void aDecisionAfterItsTimeIsRefusedBeforeTheExpiryIsSent() {
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(admin, orgId);
        Instant expiresAt = dueAt(call.toolCallId()).orElseThrow(() -> new AssertionError("no expiry scheduled"));

        moveClockTo(expiresAt.plusSeconds(1));
        assertProblem(admin.post(path(call) + "/approve", null), 409, "TOOL_CALL_EXPIRED");
        assertProblem(admin.post(path(call) + "/reject", null), 409, "TOOL_CALL_EXPIRED");
    }

    @Test
    void aDecisionInTimeDropsTheExpiry() {
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(admin, orgId);
        Instant expiresAt = dueAt(call.toolCallId()).orElseThrow(() -> new AssertionError("no expiry scheduled"));

        Api.Response approved = admin.post(path(call) + "/approve", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(dueAt(call.toolCallId())).as("nothing left to expire").isEmpty();

        moveClockTo(expiresAt.plusSeconds(1));
        poller.sendDue();
        assertThat(expiredEvents(call)).isZero();
        assertThat(admin.get(path(call) + "?minPosition=" + approved.position()).json().get("status").asString())
                .isEqualTo("approved");
    }

    private String path(ConversationFixtures.WithToolCall call) {
        return "/api/orgs/" + orgId + "/conversations/" + call.conversationId() + "/tool-calls/" + call.toolCallId();
    }

    private void moveClockTo(Instant target) {
        TestClock.advance(Duration.between(clock.instant(), target));
    }

    private Optional<Instant> dueAt(String toolCallId) {
        return jdbc.sql("SELECT due_at FROM due_commands WHERE key = ?").param("tool-call-expiry:" + toolCallId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private long expiredEvents(ConversationFixtures.WithToolCall call) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?"
                        + " AND payload ->> 'toolCallId' = ?")
                .params(call.conversationId(), ToolCallExpiredEvent.class.getName(), call.toolCallId())
                .query(Long.class).single();
    }
}
