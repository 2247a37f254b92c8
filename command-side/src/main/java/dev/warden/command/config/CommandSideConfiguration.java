package dev.warden.command.config;

import dev.warden.command.support.VerifiedAggregateCache;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that belongs to the command side: command metadata and its copy into events. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    static CorrelationDataProvider eventMetadataProvider() {
        return new EventMetadataProvider();
    }

    /**
     * Every aggregate is snapshotted after {@code warden.snapshots.every} events since its last
     * snapshot, so loading it reads one snapshot and at most that many events, however long it lives.
     */
    @Bean
    static SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter,
                                                              @Value("${warden.snapshots.every:100}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /**
     * Aggregates kept between commands, checked against the log on every use
     * ({@link VerifiedAggregateCache}); at most {@code warden.aggregates.cache-size} of them.
     */
    @Bean
    static Cache aggregateCache(EventStorageEngine storageEngine,
                                @Value("${warden.aggregates.cache-size:5000}") int capacity) {
        return new VerifiedAggregateCache(capacity, storageEngine::lastSequenceNumberFor);
    }

    /** The time rules depend on (expiry of requests and keys, sign-in throttling); tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    static CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new CommandMetadataInterceptor())
                .build();
    }
}
