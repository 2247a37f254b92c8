package dev.warden.command.config;

import dev.warden.command.support.VerifiedAggregateCache;
import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon wiring that belongs to the command side: command metadata and its copy into events,
 * snapshots, the aggregate cache, and the bound on a command's lock waits.
 */
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
    static SnapshotTriggerDefinition aggregateSnapshotTrigger(Snapshotter snapshotter, SnapshotSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.every());
    }

    /**
     * Axon's snapshotter, taking snapshots on a thread of its own. By default it takes them on the
     * command's thread after the commit, while the command still holds the aggregate's lock: it then
     * needs a connection while the commands waiting for that lock hold theirs, and with the pool used
     * up that way every request waits for the pool's timeout. Snapshots are an optimization: one
     * thread, started when needed, is enough.
     */
    @Bean
    static SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore, TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "warden-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /**
     * Aggregates kept between commands, checked against the log on every use
     * ({@link VerifiedAggregateCache}); at most {@code warden.aggregates.cache-size} of them.
     */
    @Bean
    static Cache aggregateCache(EventStorageEngine storageEngine, AggregateSettings settings) {
        return new VerifiedAggregateCache(settings.cacheSize(), storageEngine::lastSequenceNumberFor);
    }

    /** The longest a command's transaction waits for a database lock ({@link CommandLockTimeout}). */
    @Bean
    static MessageHandlerInterceptor<CommandMessage<?>> commandLockTimeout(JdbcClient jdbc,
                                                                          CommandSettings settings) {
        return new CommandLockTimeout(jdbc, settings.lockTimeout());
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
