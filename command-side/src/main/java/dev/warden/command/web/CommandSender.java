package dev.warden.command.web;

import dev.warden.command.config.CommandSettings;
import dev.warden.command.support.LogPosition;
import dev.warden.events.shared.DomainException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.Lock;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends a command and answers with the log position of its last event. Commands on one aggregate
 * take turns before they open a transaction ({@link AggregateTurns}). Two instances writing the same
 * aggregate at once collide on its (aggregate, sequence) key, and a lock wait may run out; the loser
 * is retried from a fresh load, a few times with jitter, so callers see a conflict (409) only when
 * it persists.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final int attempts;
    private final ProjectionBarrier barrier;
    private final AggregateTurns turns;

    CommandSender(CommandGateway gateway, MeterRegistry meters,
                  CommandSettings settings, ObjectProvider<ProjectionBarrier> barrier, AggregateTurns turns) {
        this.gateway = gateway;
        this.turns = turns;
        this.meters = meters;
        this.attempts = settings.concurrencyRetries() + 1;
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
            Sent<R> sent = sendWithRetries(command);
            if (settle) {
                sent.position().ifPresent(barrier::await);
            }
            return sent.result();
        });
    }

    /** Sends {@code command}, waits for it, and returns the position of its last event, if any. */
    public OptionalLong send(Object command) {
        return timed(command, () -> sendWithRetries(command).position());
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

    /** What a command answered, and the log position of its last event. */
    private record Sent<R>(R result, OptionalLong position) {
    }

    /**
     * Sends {@code command} in the turn of its aggregate, and again, after a pause with jitter, while
     * it fails because other commands were in the way; a conflict that outlasts the retries answers
     * as one. Nothing is held during the pause, so the commands in the way can finish.
     */
    private <R> Sent<R> sendWithRetries(Object command) {
        for (int attempt = 1; ; attempt++) {
            LogPosition.reset();
            try (Lock turn = turns.await(command)) {
                R result = gateway.sendAndWait(command);
                return new Sent<>(result, LogPosition.last());
            } catch (RuntimeException e) {
                if (!Contention.is(e) || e instanceof ConflictingModificationException) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new ConflictingModificationException("Concurrent changes kept getting in the way", e);
                }
            } finally {
                LogPosition.reset();
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
        }
    }
}
