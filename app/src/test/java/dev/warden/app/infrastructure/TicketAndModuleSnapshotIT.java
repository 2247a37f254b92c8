package dev.warden.app.infrastructure;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.time.Duration;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ticket and a module loaded from their snapshots keep every rule: their state makes the round
 * trip through the snapshot whole. The aggregate cache is emptied first, so the next command loads
 * from the snapshot.
 */
@WardenTest
class TicketAndModuleSnapshotIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cache aggregateCache;

    @Value("${warden.snapshots.every}")
    int every;

    @Test
    void aTicketRestoredFromItsSnapshotKeepsItsStatusAssigneeAndComments() {
        Api api = Api.admin(port);
        String adminId = api.get("/api/me").json().get("id").asString();
        String orgId = Fixtures.organization(api).id();
        String ticket = "/api/orgs/" + orgId + "/tickets/"
                + api.post("/api/orgs/" + orgId + "/tickets", Json.object("title", "Snapshotted")).id();
        assertThat(api.put(ticket + "/assignee", Json.object("userId", adminId)).status()).isEqualTo(200);
        assertThat(api.put(ticket + "/status", Json.object("status", "in_progress")).status()).isEqualTo(200);
        for (int i = 1; i <= every; i++) {
            assertThat(api.post(ticket + "/comments", Json.object("body", "Comment " + i)).status()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots(ticket)).isPositive());
        aggregateCache.removeAll();

        assertThat(api.put(ticket + "/assignee", Json.object("userId", adminId)).json().has("position"))
                .as("the assignee survived the snapshot").isFalse();
        assertThat(api.put(ticket + "/status", Json.object("status", "in_progress")).json().has("position"))
                .as("the status survived the snapshot").isFalse();
        assertProblem(api.put(ticket + "/status", Json.object("status", "closed")), 422,
                "TICKET_TRANSITION_NOT_ALLOWED");
        long position = api.post(ticket + "/comments", Json.object("body", "After the snapshot")).position();
        var comments = Fixtures.items(api.get(ticket + "/comments?limit=200&minPosition=" + position));
        assertThat(comments).hasSize(every + 1);
        assertThat(comments.get(every).get("number").asInt()).as("the count survived the snapshot")
                .isEqualTo(every + 1);
        assertThat(comments.get(every).get("body").asString()).isEqualTo("After the snapshot");
    }

    @Test
    void aModuleRestoredFromItsSnapshotKeepsItsVersions() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String modules = "/api/orgs/" + orgId + "/modules";
        String moduleId = null;
        for (int patch = 0; patch <= every; patch++) {
            Api.Response published = api.post(modules, publication("1.0." + patch, "./v" + patch));
            assertThat(published.status()).as(published.body()).isEqualTo(201);
            moduleId = published.id();
        }
        String versions = modules + "/" + moduleId + "/versions/";
        assertThat(api.post(versions + "1.0.0/deprecate", Json.object("reason", "Old")).status()).isEqualTo(200);

        String id = moduleId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots(id)).isPositive());
        aggregateCache.removeAll();

        Api.Response again = api.post(modules, publication("1.0.5", "./v5"));
        assertThat(again.status()).as("the versions survived the snapshot").isEqualTo(200);
        assertThat(again.id()).isEqualTo(moduleId);
        assertProblem(api.post(modules, publication("1.0.5", "./elsewhere")), 409, "MODULE_VERSION_EXISTS");
        assertProblem(api.post(modules, publication("1.0.5+build.1", "./v5")), 409, "MODULE_VERSION_EXISTS");
        assertProblem(api.post(versions + "1.0.0/deprecate", Json.object("reason", "Again")), 409,
                "MODULE_VERSION_DEPRECATED");
        assertThat(api.post(versions + "1.0.1/deprecate", Json.object("reason", "Old too")).status()).isEqualTo(200);
    }

    private static Map<String, Object> publication(String version, String source) {
        return Json.object("namespace", "acme", "name", "snapshotted", "provider", "aws", "version", version,
                "source", source);
    }

    private long snapshots(String aggregateIdOrPath) {
        String aggregateId = aggregateIdOrPath.substring(aggregateIdOrPath.lastIndexOf('/') + 1);
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
