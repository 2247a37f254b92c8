package dev.warden.app.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * For the snapshot tests of aggregates: an aggregate built from given events in memory, and the same
 * aggregate after a round trip through the snapshot serializer the service uses.
 */
final class SnapshotRoundTrips {

    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Serializer snapshots = EventStoreConfiguration.snapshotSerializer();

    /** Appends {@code events} as the history of aggregate {@code id} of {@code type}. */
    void given(Class<?> type, String id, Object... events) {
        long sequence = 0;
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), id, sequence++, event));
        }
    }

    /** The aggregate {@code id} as its events build it. */
    <T> T load(Class<T> type, String id) {
        EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(aggregate -> aggregate);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** {@code aggregate} serialized as a snapshot and read back. */
    <T> T roundTrip(T aggregate) {
        return snapshots.deserialize(snapshots.serialize(aggregate, String.class));
    }

    /** The snapshot of {@code aggregate} as stored text. */
    String serialized(Object aggregate) {
        return snapshots.serialize(aggregate, String.class).getData();
    }
}
