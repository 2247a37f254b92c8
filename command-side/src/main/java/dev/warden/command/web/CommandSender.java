package dev.warden.command.web;

import dev.warden.command.support.LogPosition;
import dev.warden.events.shared.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers with the log position of its last event. Two instances writing the
 * same aggregate at once collide on its (aggregate, sequence) key; the loser is retried from a fresh
 * load, a few times with jitter, so callers see a conflict only when it persists.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final int attempts;
    private final ProjectionBarrier barrier;

    CommandSender(CommandGateway gateway, MeterRegistry meters,
                  @Value("${warden.commands.concurrency-retries:5}") int retries,
                  ObjectProvider<ProjectionBarrier> barrier) {
        this.gateway = gateway;
        this.meters = meters;
        this.attempts = retries + 1;
        this.barrier = barrier.getIfAvailable(() -> position -> { });
    }

    /**
     * Sends a command that changes who may do what, and answers only once the read models that
     * authentication reads have applied it (bounded), so it holds for the very next request.
     */
    public OptionalLong sendSettled(Object command) {
        OptionalLong position = send(command);
        position.ifPresent(barrier::await);
        return position;
    }

    /** Sends {@code command} and returns what its handler answered (for commands that answer a value). */
    public <R> R call(Object command) {
        return call(command, false);
    }

    /** Like {@link #call} and then waits like {@link #sendSettled}. */
    public <R> R callSettled(Object command) {
        return call(command, true);
    }

    private <R> R call(Object command, boolean settle) {
        return timed(command, () -> {
            LogPosition.reset();
            try {
                R result = gateway.sendAndWait(command);
                if (settle) {
                    LogPosition.last().ifPresent(barrier::await);
                }
                return result;
            } finally {
                LogPosition.reset();
            }
        });
    }

    /** Sends {@code command}, waits for it, and returns the position of its last event, if any. */
    public OptionalLong send(Object command) {
        return timed(command, () -> sendWithRetries(command));
    }

    /** Runs {@code sending} and records its duration and outcome under the command's type. */
    private <T> T timed(Object command, java.util.function.Supplier<T> sending) {
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            T result = sending.get();
            outcome = "accepted";
            return result;
        } catch (DomainException e) {
            outcome = "rejected";
            throw e;
        } catch (ConflictingModificationException e) {
            outcome = "conflict";
            throw e;
        } finally {
            Timer.builder("warden.commands")
                    .description("Commands handled, from dispatch to commit, per command type and outcome")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private OptionalLong sendWithRetries(Object command) {
        for (int attempt = 1; ; attempt++) {
            LogPosition.reset();
            try {
                gateway.sendAndWait(command);
                return LogPosition.last();
            } catch (ConcurrencyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
            } finally {
                LogPosition.reset();
            }
        }
    }
}
