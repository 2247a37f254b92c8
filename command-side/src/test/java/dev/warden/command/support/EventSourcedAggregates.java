package dev.warden.command.support;

import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Repository;

/**
 * An event-sourced repository on an in-memory event store, for the second aggregate a command
 * handler loads while a fixture tests the first (a role command reads the organization). Events the
 * second aggregate applies land here, not in the fixture.
 */
public final class EventSourcedAggregates<T> {

    private final Class<T> type;
    private final EventStore store;
    private final Repository<T> repository;

    public EventSourcedAggregates(Class<T> type) {
        this.type = type;
        this.store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        this.repository = EventSourcingRepository.builder(type).eventStore(store).build();
    }

    public Repository<T> repository() {
        return repository;
    }

    /** Appends {@code events} to the history of aggregate {@code aggregateId}. */
    public EventSourcedAggregates<T> given(String aggregateId, Object... events) {
        long next = store.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), aggregateId, next++, event));
        }
        return this;
    }

    /** The payloads of every event of aggregate {@code aggregateId}, oldest first. */
    public List<Object> eventsOf(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }
}
