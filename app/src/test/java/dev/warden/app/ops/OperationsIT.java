package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health probes and the Prometheus figures operators watch. */
@WardenTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Autowired
    ProjectionsHealthIndicator projections;

    @Test
    void livenessAndReadinessIncludeDatabaseAndProjections() {
        Api api = new Api(port);
        Api.Response liveness = api.get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");

        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/projections/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/projections").has("details"))
                .as("health shows no details to anonymous callers").isFalse();
        assertThat(projections.health().getDetails()).containsEntry("access-control", "running")
                .containsEntry("identity-directory", "running");
    }

    @Test
    void prometheusShowsCommandsLagAndHead() {
        Api api = Api.admin(port);
        assertThat(api.post("/api/orgs", Json.object("name", "Metrics GmbH")).status()).isEqualTo(201);
        assertThat(api.post("/api/orgs", Json.object("name", "")).status()).isEqualTo(400);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = api.anonymous().getText("/actuator/prometheus").body();
            assertThat(metrics)
                    .contains("warden_commands_seconds_count{application=\"warden\",command=\"CreateOrganizationCommand\",outcome=\"accepted\"}")
                    .contains("warden_commands_seconds{application=\"warden\",command=\"CreateOrganizationCommand\",outcome=\"accepted\",quantile=\"0.99\"}")
                    .contains("warden_projection_lag_events{application=\"warden\",processor=\"access-control\"}")
                    .contains("warden_projection_lag_seconds{application=\"warden\",processor=\"identity-directory\"}")
                    .contains("warden_log_head_position")
                    .contains("http_server_requests_seconds_count")
                    .contains("hikaricp_connections_active")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        Api api = Api.admin(port);
        assertThat(api.get("/actuator/env").status()).isEqualTo(404);
        assertThat(api.get("/actuator/beans").status()).isEqualTo(404);
    }
}
