package dev.warden.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.warden.app.database.DatabaseOutage;
import java.util.Arrays;
import java.util.Set;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * For a test that cuts the database on purpose: while it runs, what the pool, Spring's transaction
 * manager and Axon's event store, processors and units of work log about the lost connections is
 * expected, so each such event is logged as one INFO line without its stack trace. Any other event, from these loggers or
 * any other, and any failure that is not the database going away, is logged as usual.
 */
public final class ExpectedOutageLogs extends TurboFilter implements BeforeEachCallback, AfterEachCallback {

    /** The loggers that write a lost connection with its stack trace, each time, by design. */
    private static final Set<String> CONNECTION_LOSS_LOGGERS = Set.of(
            "com.zaxxer.hikari.pool.ProxyConnection",
            "org.springframework.jdbc.support.JdbcTransactionManager",
            "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore",
            "org.axonframework.eventsourcing.eventstore.AbstractEventStore",
            "org.axonframework.eventhandling.TrackingEventProcessor",
            "org.axonframework.messaging.unitofwork.MessageProcessingContext");

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(ExpectedOutageLogs.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        setContext(loggerContext());
        start();
        loggerContext().addTurboFilter(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        loggerContext().getTurboFilterList().remove(this);
        stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        Throwable failure = t != null ? t : lastThrowable(params);
        if (failure == null || format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())
                || !CONNECTION_LOSS_LOGGERS.contains(logger.getName())
                || !(DatabaseOutage.causes(failure) || transactionCouldNotStart(failure))) {
            return FilterReply.NEUTRAL;
        }
        log.info("Expected while the database is cut, without its trace: {} {} {} ({}: {})", level,
                logger.getName(), MessageFormatter.arrayFormat(format, params).getMessage(),
                failure.getClass().getSimpleName(), failure.getMessage());
        return FilterReply.DENY;
    }

    /**
     * A processor's unit of work whose transaction could not start: Axon rolls back the unit of work
     * it has not started yet, which fails on its phase check and hides the cause (the connection).
     */
    private static boolean transactionCouldNotStart(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getCause() == null
                && Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals(
                        "attachTransaction") && frame.getClassName().equals(UnitOfWork.class.getName()));
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
    }

    private static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
