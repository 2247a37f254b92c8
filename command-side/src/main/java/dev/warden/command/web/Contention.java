package dev.warden.command.web;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.ConcurrencyException;

/** Failures that mean another command was in the way: the same command, started afresh, may succeed. */
final class Contention {

    /** lock_not_available (a wait ran into lock_timeout), deadlock_detected, serialization_failure. */
    private static final Set<String> SQL_STATES = Set.of("55P03", "40P01", "40001");

    private Contention() {
    }

    /** Whether {@code failure} or a cause is contention; a failure without an SQL state (a lost connection) is not. */
    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof LockAcquisitionFailedException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
