package dev.warden.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ContentionTest {

    @Test
    void aLockTimeoutDeadlockOrSerializationFailureIsContention() {
        assertThat(Contention.is(new RuntimeException(new SQLException("lock timeout", "55P03")))).isTrue();
        assertThat(Contention.is(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(Contention.is(new SQLException("serialization", "40001"))).isTrue();
    }

    @Test
    void aFailureWithoutAnSqlStateIsNoContention() {
        // A pool whose connection died answers "Connection is closed" without an SQL state.
        assertThat(Contention.is(new RuntimeException(new SQLException("Connection is closed")))).isFalse();
        assertThat(Contention.is(new SQLException("syntax", "42601"))).isFalse();
    }
}
