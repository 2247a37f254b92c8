package dev.warden.app.credentials;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Replays;
import dev.warden.app.support.WardenTest;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Crypto-shredding leaves a log that still replays: after a credential is destroyed (its reveal
 * answers 410), every projection is reset to the start of the log and rebuilt; all reach the head
 * without an error, and the rebuilt read model still says the secret was erased, with no mask.
 */
@WardenTest
class ShreddedReplayIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void afterAShredEveryProjectionReplaysFromTheStart() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String base = "/api/orgs/" + orgId + "/credentials/";
        String id = CredentialFixtures.storeAws(admin, orgId).id();
        assertThat(admin.post(base + id + "/reveal", null).status()).isEqualTo(200);
        long destroyed = admin.post(base + id + "/destroy", null).position();
        assertProblem(admin.post(base + id + "/reveal", null), 410, "SECRET_ERASED");

        List<StreamingEventProcessor> processors = Replays.everyProjection(processing, jdbc);
        assertThat(processors).extracting(StreamingEventProcessor::getName).contains("credentials");
        assertThat(processors).allSatisfy(p -> assertThat(p.processingStatus().values())
                .noneMatch(EventTrackerStatus::isErrorState));

        JsonNode erased = admin.get(base + id + "?minPosition=" + destroyed).json();
        assertThat(erased.get("status").asString()).isEqualTo("destroyed");
        assertThat(erased.get("secretErased").asBoolean()).isTrue();
        assertThat(erased.get("fields").isEmpty()).isTrue();
        assertThat(erased.get("lastRevealedVersion").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/orgs/" + orgId).status()).as("the organization's row is rebuilt too").isEqualTo(200);
    }
}
