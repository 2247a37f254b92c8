package dev.warden.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.Replays;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every projection replayed from the start of the log after an erasure: the replay succeeds (no event
 * fails, nothing is dead-lettered) and gives the same erased read models as living through it did.
 */
@WardenTest
class PersonalDataReplayIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replayingEveryProjectionAfterAnErasureGivesTheSameErasedReadModels() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        Fixtures.SignedIn erin = Fixtures.signedInUser(admin, orgId);
        String invitationId = Fixtures.invite(admin, Fixtures.organization(admin).id(),
                Json.object("email", erin.email())).id();
        Api.Response renamed = erin.api().patch("/api/me", Json.object("displayName", "Erin Renamed"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Api.Response erased = admin.delete("/api/users/" + erin.userId() + "/personal-data");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        Fixtures.SignedIn kept = Fixtures.signedInUser(admin, orgId);
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> Replays.caughtUp(running, Replays.head(jdbc)));
        Map<String, Object> user = row("SELECT * FROM users WHERE id = ?", erin.userId());
        Map<String, Object> invitation = row("SELECT * FROM invitations WHERE id = ?", invitationId);
        Map<String, Object> member = row("SELECT * FROM members WHERE user_id = ?", erin.userId());
        Map<String, Object> other = row("SELECT * FROM users WHERE id = ?", kept.userId());
        long deadLetters = deadLetters();
        jdbc.sql("DELETE FROM users WHERE id IN (?, ?)").params(erin.userId(), kept.userId()).update();

        assertThat(Replays.everyProjection(processing, jdbc)).as("the projections' processors")
                .hasSizeGreaterThanOrEqualTo(4);

        assertThat(row("SELECT * FROM users WHERE id = ?", erin.userId())).as("rebuilt by the replay").isEqualTo(user);
        assertThat(user.get("email")).isNull();
        assertThat(user.get("display_name")).isNull();
        assertThat(user.get("erased_at")).isNotNull();
        assertThat(row("SELECT * FROM invitations WHERE id = ?", invitationId)).isEqualTo(invitation);
        assertThat(invitation.get("email_erased")).isEqualTo(true);
        assertThat(row("SELECT * FROM members WHERE user_id = ?", erin.userId())).isEqualTo(member);
        assertThat(row("SELECT * FROM users WHERE id = ?", kept.userId())).as("a user not erased")
                .isEqualTo(other).containsEntry("email", kept.email());
        assertThat(deadLetters()).as("no event failed in the replay").isEqualTo(deadLetters);
    }

    private long deadLetters() {
        return jdbc.sql("SELECT count(*) FROM dead_letter_entry").query(Long.class).single();
    }

    private Map<String, Object> row(String sql, String id) {
        return jdbc.sql(sql).param(id).query().singleRow();
    }
}
