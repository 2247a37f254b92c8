package dev.warden.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.VerifiedAggregateCache;
import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/**
 * A cached aggregate is handed out only while the log's last sequence number for it is the one it
 * was cached at (here the log is a map, standing in for the read in the command's transaction).
 */
class VerifiedAggregateCacheTest {

    private final Map<String, Long> log = new HashMap<>();
    private final VerifiedAggregateCache cache = new VerifiedAggregateCache(2,
            id -> Optional.ofNullable(log.get(id)));

    @Test
    void anEntryIsAHitWhileTheLogHasNothingNewerForIt() {
        AggregateCacheEntry<Role> entry = entry("role_a", 2);
        cache.put("role_a", entry);
        log.put("role_a", 1L);

        assertThat((Object) cache.get("role_a")).isSameAs(entry);
        assertThat((Object) cache.get("role_a")).as("still a hit").isSameAs(entry);
    }

    @Test
    void anEntryTheLogHasMovedPastIsDroppedAndMissed() {
        cache.put("role_a", entry("role_a", 2));
        log.put("role_a", 2L);

        assertThat((Object) cache.get("role_a")).isNull();
        assertThat(cache.containsKey("role_a")).isFalse();
    }

    @Test
    void anEntryWhoseEventsAreGoneFromTheLogIsDropped() {
        cache.put("role_a", entry("role_a", 2));

        assertThat((Object) cache.get("role_a")).as("a log restored to before the aggregate").isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedEntryGoesBeyondTheCapacity() {
        for (String id : List.of("role_a", "role_b")) {
            cache.put(id, entry(id, 1));
            log.put(id, 0L);
        }
        cache.get("role_a");
        cache.put("role_c", entry("role_c", 1));

        assertThat(cache.containsKey("role_a")).isTrue();
        assertThat(cache.containsKey("role_b")).isFalse();
        assertThat(cache.containsKey("role_c")).isTrue();
    }

    /** A live Role that has applied {@code events} events (sequence numbers 0 to events - 1). */
    private static AggregateCacheEntry<Role> entry(String roleId, int events) {
        EventSourcedAggregate<Role> aggregate = EventSourcedAggregate.initialize(new Role(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Role.class), null,
                NoSnapshotTriggerDefinition.TRIGGER);
        List<GenericDomainEventMessage<?>> history = new java.util.ArrayList<>();
        history.add(new GenericDomainEventMessage<>("Role", roleId, 0,
                new RoleCreatedEvent(roleId, "org_a", "Auditors", "", false, List.of("audit:read"))));
        for (int seq = 1; seq < events; seq++) {
            history.add(new GenericDomainEventMessage<>("Role", roleId, seq,
                    new PermissionGrantedEvent(roleId, "org_a", "roles:read")));
        }
        aggregate.initializeState(DomainEventStream.of(history.stream()));
        return new AggregateCacheEntry<>(aggregate);
    }
}
