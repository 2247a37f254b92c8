package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates stay in memory between commands, but a command never decides on a cached aggregate
 * that the log has moved past. The events "another instance" appends here go straight to the
 * storage engine, past this instance's cache, as a second instance's would.
 */
@WardenTest
class AggregateCacheIT {

    @LocalServerPort
    int port;
    @Autowired
    Cache aggregateCache;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoleDeletedElsewhereIsNotAssignedFromTheCache() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String userId = Fixtures.user(api, orgId).id();
        String roleId = Fixtures.role(api, orgId, "Cached " + Fixtures.unique()).id();
        String name = jdbc.sql("SELECT payload->>'name' FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0").param(roleId).query(String.class).single();
        assertThat(api.put("/api/orgs/" + orgId + "/roles/" + roleId + "/permissions/audit:read", null).status())
                .isEqualTo(200);
        assertThat(aggregateCache.containsKey(roleId)).as("the role is cached after its command").isTrue();

        appendElsewhere(roleId, new RoleDeletedEvent(roleId, orgId, name));

        Api.Response assign = api.put("/api/orgs/" + orgId + "/members/" + userId + "/roles/" + roleId, null);
        assertThat(assign.status()).isEqualTo(404);
        assertThat(assign.code()).isEqualTo("ROLE_NOT_FOUND");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%RoleAssignedEvent'"
                + " AND payload->>'roleId' = ?").param(roleId).query(Long.class).single()).isZero();
    }

    @Test
    void aChangeMadeElsewhereIsSeenAndTheNextEventFollowsIt() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String roleId = Fixtures.role(api, orgId, "Cached " + Fixtures.unique()).id();
        String permissions = "/api/orgs/" + orgId + "/roles/" + roleId + "/permissions/";
        assertThat(api.put(permissions + "audit:read", null).status()).isEqualTo(200);
        assertThat(aggregateCache.containsKey(roleId)).isTrue();

        appendElsewhere(roleId, new PermissionGrantedEvent(roleId, orgId, "roles:read"));

        // The role knows the grant made elsewhere: granting it again stores nothing.
        Api.Response again = api.put(permissions + "roles:read", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("position")).isFalse();
        // And its next event follows the one appended elsewhere, without a collision on the way.
        assertThat(api.put(permissions + "members:read", null).position()).isPositive();
        assertThat(jdbc.sql("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number").param(roleId).query(Long.class).list()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aRefusedCommandLeavesNothingCached() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String roleId = Fixtures.role(api, orgId, "Cached " + Fixtures.unique()).id();
        assertThat(api.put("/api/orgs/" + orgId + "/roles/" + roleId + "/permissions/audit:read", null).status())
                .isEqualTo(200);
        assertThat(aggregateCache.containsKey(roleId)).isTrue();

        Api.Response refused = api.put("/api/orgs/" + orgId + "/roles/" + roleId + "/permissions/no:such", null);

        assertThat(refused.status()).isBetween(400, 499);
        assertThat(aggregateCache.containsKey(roleId)).as("evicted with the rolled-back command").isFalse();
    }

    private void appendElsewhere(String roleId, Object event) {
        long next = jdbc.sql("SELECT max(sequence_number) + 1 FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(roleId).query(Long.class).single();
        transactions.executeWithoutResult(status -> storageEngine.appendEvents(List.of(
                new GenericDomainEventMessage<>("Role", roleId, next, event))));
    }
}
