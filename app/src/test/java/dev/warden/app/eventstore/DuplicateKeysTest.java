package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Which unique violations of an append are a concurrent write (retried or 409) and which are faults. */
class DuplicateKeysTest {

    private final PersistenceExceptionResolver resolver = EventStoreConfiguration.duplicateKeys();

    @Test
    void aClashOnTheAggregateSequenceIsAConcurrentWrite() {
        assertThat(resolver.isDuplicateKeyViolation(violation("domain_event_entry_aggregate_sequence_key"))).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(violation("snapshot_event_entry_pkey"))).isTrue();
    }

    @Test
    void aClashOnADataKeyWrittenWithTheEventsIsNot() {
        assertThat(resolver.isDuplicateKeyViolation(violation("data_keys_pkey"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("no SQL state"))).isFalse();
    }

    private static Exception violation(String constraint) {
        return new RuntimeException("append failed", new PSQLException(new ServerErrorMessage(
                "SERROR\0C23505\0Mduplicate key value violates unique constraint\0n" + constraint + "\0")));
    }
}
