package dev.warden.app.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, connections dropped, no
 * connection to be had in time) from every other database error, whatever wraps it (Spring, Axon,
 * the driver, the pool).
 */
public final class DatabaseOutage {

    /** Operator intervention: the server shuts down, or the connection was terminated by an administrator. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /**
     * What the pool answers, without an SQL state, when a transaction goes on using a connection the
     * pool closed because it broke (the error that broke it went to an earlier statement).
     */
    private static final String POOL_CLOSED_BROKEN_CONNECTION = "Connection is closed";

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
            // A commit or rollback the driver could not carry out: its connection broke under it.
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(SQLException sql) {
        String state = sql.getSQLState();
        return state == null ? POOL_CLOSED_BROKEN_CONNECTION.equals(sql.getMessage())
                : state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
    }
}
