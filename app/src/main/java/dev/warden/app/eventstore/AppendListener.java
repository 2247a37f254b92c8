package dev.warden.app.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on the channel the event storage engine notifies after every append
 * ({@link PostgresEventStorageEngine#CHANNEL}) and wakes the event store's trackers, so events
 * appended by another instance are projected at once instead of on the next poll. PostgreSQL
 * delivers a notification only when the appending transaction commits.
 * <p>
 * Runs on one thread with its own connection, outside the pool (a pooled connection would be
 * taken from request work for good, and LISTEN belongs to a session). When the connection fails it
 * reconnects with back-off; polling goes on meanwhile, and every (re)connection wakes the store
 * once, for whatever was appended while nobody listened.
 */
public class AppendListener implements SmartLifecycle {

    /** Opens the listener's own connection. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 500;
    /** Idle this long, the listener checks that its connection still answers. */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConnectionFactory connections;
    private final WakeableEventStore store;
    private final Duration minBackOff;
    private final Duration maxBackOff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public AppendListener(ConnectionFactory connections, WakeableEventStore store, Duration minBackOff,
                          Duration maxBackOff) {
        this.connections = connections;
        this.store = store;
        this.minBackOff = minBackOff;
        this.maxBackOff = maxBackOff;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "warden-append-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            current = thread;
            thread = null;
        }
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            current.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listener holds a connection that is subscribed to the channel right now. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long backOff = minBackOff.toMillis();
        boolean failedBefore = false;
        while (running) {
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + PostgresEventStorageEngine.CHANNEL);
                }
                listening = true;
                if (failedBefore) {
                    log.info("Listening for appends again");
                }
                backOff = minBackOff.toMillis();
                store.eventsAppendedElsewhere();
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Lost the connection that listens for appends; projections poll until it is back "
                            + "(retry in {} ms): {}", backOff, e.getMessage());
                    failedBefore = true;
                }
            } finally {
                listening = false;
            }
            if (running) {
                pause(backOff);
                backOff = Math.min(backOff * 2, maxBackOff.toMillis());
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(RECEIVE_TIMEOUT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                store.eventsAppendedElsewhere();
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > PROBE_AFTER_NANOS) {
                // A connection whose server went away can stay silent forever; a query finds out.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void pause(long millis) {
        lock.lock();
        try {
            if (running) {
                stopped.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
