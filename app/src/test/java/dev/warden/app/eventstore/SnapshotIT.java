package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Api;
import dev.warden.app.support.ConversationFixtures;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.access.Permissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Aggregates are snapshotted, and an aggregate loaded from its snapshot keeps every rule: its state
 * makes the round trip through the snapshot whole (a set that came back empty would let a repeated
 * grant store a second event, or a member be added twice). The aggregate cache is emptied first, so
 * the next command loads from the snapshot.
 */
@WardenTest
class SnapshotIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cache aggregateCache;

    @Value("${warden.snapshots.every}")
    int every;

    @Test
    void roleRestoredFromItsSnapshotKeepsItsPermissions() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String roleId = Fixtures.role(api, orgId, "Snapshotted " + Fixtures.unique()).id();
        String permissions = "/api/orgs/" + orgId + "/roles/" + roleId + "/permissions/";
        List<String> catalogue = Permissions.CATALOGUE.stream().map(p -> p.name()).toList();
        String kept = catalogue.get(0);
        String toggled = catalogue.get(1);
        assertThat(api.put(permissions + kept, null).status()).isEqualTo(200);
        // Grant and revoke until the role has more events than the snapshot threshold.
        for (int i = 0; i < every / 2 + 1; i++) {
            assertThat(api.put(permissions + toggled, null).position()).isPositive();
            assertThat(api.delete(permissions + toggled).position()).isPositive();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots(roleId)).isPositive());
        Map<String, Object> snapshot = jdbc.sql("""
                        SELECT payload::text AS payload, sequence_number FROM snapshot_event_entry
                        WHERE aggregate_identifier = ?""")
                .param(roleId).query().singleRow();
        // Taken after the commit by a thread of its own, the snapshot holds the events up to some point
        // past the threshold: the toggled permission is held after a grant (even sequence numbers).
        String payload = (String) snapshot.get("payload");
        assertThat(payload).contains(kept).contains("Snapshotted ");
        assertThat(payload.contains(toggled)).isEqualTo(((Number) snapshot.get("sequence_number")).longValue() % 2 == 0);
        aggregateCache.removeAll();

        Api.Response again = api.put(permissions + kept, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("position")).as("the held permission survived the snapshot").isFalse();
        assertThat(api.delete(permissions + toggled).json().has("position")).isFalse();
        assertThat(api.put(permissions + toggled, null).position()).isPositive();
    }

    @Test
    void organizationRestoredFromItsSnapshotKeepsItsMembers() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String first = null;
        // Creating it stored 3 events; each user it registers joins with 2 (member added, Viewer assigned).
        for (int i = 0; i <= every / 2; i++) {
            String userId = Fixtures.user(api, orgId).id();
            first = first == null ? userId : first;
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots(orgId)).isPositive());
        aggregateCache.removeAll();

        Api.Response twice = api.post("/api/orgs/" + orgId + "/invitations", Json.object("userId", first));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_MEMBER");
    }

    @Test
    void conversationRestoredFromItsSnapshotKeepsItsToolCallsAndItsCount() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(api, orgId);
        String decided = ConversationFixtures.propose(api, orgId, call.conversationId(), "terraform.show", Map.of())
                .json().get("toolCallId").asString();
        String conversation = "/api/orgs/" + orgId + "/conversations/" + call.conversationId();
        assertThat(api.post(conversation + "/tool-calls/" + decided + "/reject", null).status()).isEqualTo(200);
        // Started, two messages with a proposal each, one decision: 6 events; then one per message.
        for (int i = 0; i < every; i++) {
            assertThat(api.post(conversation + "/messages", Json.object("role", "user", "content", "Message " + i))
                    .status()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(snapshots(call.conversationId()))
                .isPositive());
        assertThat(jdbc.sql("SELECT payload::text FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(call.conversationId()).query(String.class).single())
                .contains(call.toolCallId(), decided, "REJECTED");
        aggregateCache.removeAll();

        assertThat(api.post(conversation + "/tool-calls/" + decided + "/approve", null).code())
                .as("the decision survived the snapshot").isEqualTo("TOOL_CALL_DECIDED");
        Api.Response approved = api.post(conversation + "/tool-calls/" + call.toolCallId() + "/approve", null);
        assertThat(approved.status()).as("the pending call survived the snapshot: " + approved.body())
                .isEqualTo(200);
        Api.Response last = api.post(conversation + "/messages", Json.object("role", "user", "content", "Last"));
        assertThat(api.get(last.header("Location") + "?minPosition=" + last.position()).json().get("sequence")
                .asInt()).as("the count of messages survived the snapshot").isEqualTo(every + 3);
    }

    private long snapshots(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
