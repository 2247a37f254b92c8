package dev.warden.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool, refusing what stalls it: a unit of work (a command, a projection batch) does everything
 * on the one connection of its transaction. One that holds a connection and asks for another, or
 * asks for one after its commit while it still holds its aggregates' locks (which requests holding
 * connections may be waiting for), can wait for ever once the pool is used up by such waits. This
 * fails such a request at once, where it is made. A check for tests and debugging
 * ({@code warden.database.connection-guard}): it wraps every connection.
 */
public class ConnectionGuard extends HikariDataSource {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final AtomicLong BREACHES = new AtomicLong();

    private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

    ConnectionGuard(HikariConfig config) {
        super(config);
    }

    /** How many requests for a connection were refused in this JVM so far. */
    public static long breaches() {
        return BREACHES.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        int[] count = held.get();
        if (CurrentUnitOfWork.isStarted()) {
            check(CurrentUnitOfWork.get(), count[0]);
        }
        Connection connection = super.getConnection();
        count[0]++;
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> {
                        if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                            count[0]--;
                        }
                        try {
                            yield method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private static void check(UnitOfWork<?> unitOfWork, int held) {
        String breach = held > 0 ? "a second connection"
                : unitOfWork.phase().isAfter(UnitOfWork.Phase.COMMIT)
                ? "a connection after its transaction ended, while it still holds its aggregates" : null;
        if (breach != null) {
            BREACHES.incrementAndGet();
            IllegalStateException refused = new IllegalStateException("A unit of work handling "
                    + unitOfWork.getMessage().getPayloadType().getSimpleName() + " asked for " + breach);
            log.error(refused.getMessage(), refused);
            throw refused;
        }
    }
}
