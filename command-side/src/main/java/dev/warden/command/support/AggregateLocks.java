package dev.warden.command.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serializes commands that read one aggregate and write another (assigning a role reads the role,
 * deleting it reads the organization's assignments). A transaction-scoped advisory lock on the
 * aggregate both commands read closes the gap between check and write, across every instance.
 * <p>
 * Take it before loading any aggregate: the repository's locks on loaded aggregates live in this
 * process, where PostgreSQL's deadlock detection cannot see them. The wait is bounded by the
 * command's lock timeout, after which the command is retried.
 */
@Component
public class AggregateLocks {

    private final JdbcClient jdbc;

    AggregateLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds a lock on {@code aggregateId} until the current transaction ends. */
    public void lockUntilCommit(String aggregateId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(aggregateId).query().singleRow();
    }
}
