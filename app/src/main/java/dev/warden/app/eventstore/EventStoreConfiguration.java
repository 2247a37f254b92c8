package dev.warden.app.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zaxxer.hikari.HikariDataSource;
import dev.warden.app.database.DedicatedConnection;
import dev.warden.query.support.ProjectionCommits;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The event store: Axon's JDBC engine on PostgreSQL with snake_case tables (created by Flyway),
 * jsonb payloads, tokens in {@code token_entry}, and Axon's units of work joined to Spring's
 * transactions so events, claims and projection writes commit together.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** How many events a tracker reads from the log at a time. */
    static final int FETCH_SIZE = 500;

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventSchema schema, ConnectionProvider connections,
                                          TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                // Events per read of a tracker: a rebuild reads the log in fewer, larger pages.
                .batchSize(FETCH_SIZE)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer())
                .persistenceExceptionResolver(duplicateKeys()), schema, transactionManager);
    }

    /**
     * The event store. Appends in this process wake its trackers at once, appends of other instances
     * through {@link AppendListener}; {@code poll-interval} is the fallback that bounds how late a
     * tracker sees them when no notification arrives (the listener's connection is down).
     */
    @Bean
    WakeableEventStore eventStore(EventStorageEngine storageEngine, EventStoreSettings settings) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(settings.pollInterval().toMillis()), writerCommitted(storageEngine));
    }

    /** Tells the storage engine's fetches that wait for hidden rows that a writer committed. */
    private static Runnable writerCommitted(EventStorageEngine storageEngine) {
        return storageEngine instanceof PostgresEventStorageEngine postgres ? postgres::writerCommitted : () -> { };
    }

    /**
     * Wakes the trackers when another instance appends. Only where projections run: a command-only
     * process has no tracker to wake and keeps its connection.
     */
    @Bean
    @ConditionalOnExpression("'${warden.roles:command,query}'.contains('query')")
    AppendListener appendListener(HikariDataSource dataSource, WakeableEventStore eventStore) {
        return new AppendListener(() -> DedicatedConnection.open(dataSource, "warden-append-listener"), eventStore,
                Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @Bean
    TokenStore tokenStore(TokenSchema schema, ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .contentType(byte[].class)
                .build();
    }

    /**
     * Lets Axon's Jackson 3 serializer read back the polymorphic fields of Axon's own tokens (a replay
     * token's context), which Jackson 3's default validator rejects.
     */
    @Bean
    Jackson3SerializerCustomizer axonJsonCustomizer() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("dev.warden.")
                .allowIfSubType("java.")
                .build());
    }

    /**
     * A failing projection stops and retries with back-off instead of skipping the event. Projection
     * transactions commit without waiting for the disk ({@link ProjectionTransactionManager}), and each
     * commit wakes those waiting for the projections to reach a position, and fetches waiting for
     * rows the transaction may have hidden.
     */
    @Bean
    ConfigurerModule projectionProcessing(TransactionManager transactionManager, DataSource dataSource,
                                          ObjectProvider<ProjectionCommits> commits,
                                          EventStorageEngine storageEngine) {
        ProjectionCommits waiting = commits.getIfAvailable();
        Runnable hiddenRows = writerCommitted(storageEngine);
        Runnable committed = () -> {
            if (waiting != null) {
                waiting.signal();
            }
            hiddenRows.run();
        };
        TransactionManager projections = new ProjectionTransactionManager(transactionManager, dataSource, committed);
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultTransactionManager(c -> projections);
    }

    /**
     * Snapshots hold an aggregate's state, which lives in private, non-final fields with no getters.
     * Jackson sees only public accessors by default (a snapshot would be {@code {}}), so snapshots
     * get their own serializer that reads and writes fields and nothing else.
     */
    static Serializer snapshotSerializer() {
        return Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(builder -> builder.changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(JsonAutoDetect.Visibility.ANY)
                        .withGetterVisibility(JsonAutoDetect.Visibility.NONE)
                        .withIsGetterVisibility(JsonAutoDetect.Visibility.NONE)
                        .withSetterVisibility(JsonAutoDetect.Visibility.NONE)))
                .build();
    }

    /**
     * PostgreSQL's unique violation: two commands wrote the same aggregate sequence number. Not a clash
     * on a data key the append wrote beside the events ({@code data_keys}): that is a fault to see, not
     * a conflict to retry.
     */
    static PersistenceExceptionResolver duplicateKeys() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    return !(t instanceof PSQLException psql && psql.getServerErrorMessage() != null
                            && String.valueOf(psql.getServerErrorMessage().getConstraint()).startsWith("data_keys"));
                }
            }
            return false;
        };
    }
}
