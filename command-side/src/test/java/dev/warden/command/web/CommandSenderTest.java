package dev.warden.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.command.config.CommandSettings;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.shared.DomainException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * How {@link CommandSender} deals with other commands in the way, on Axon's own command bus: it
 * retries what contention made fail, answers a conflict (409) when contention outlasts the retries,
 * and lets the commands on one aggregate take turns before they start.
 */
class CommandSenderTest {

    record Change(@TargetAggregateIdentifier String aggregateId, String what) {
    }

    private final AtomicInteger handled = new AtomicInteger();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    /** Threads of their own for the commands that wait (the common pool may have only one). */
    private final ExecutorService clients = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** A sender whose commands run {@code handler}, which sees how often it was called before. */
    private CommandSender sender(Duration queueTimeout, Function<Integer, Object> handler) {
        bus.subscribe(Change.class.getName(), (CommandMessage<?> command) -> handler.apply(handled.getAndIncrement()));
        CommandSettings settings = new CommandSettings(5, Duration.ofSeconds(2), queueTimeout);
        return new CommandSender(DefaultCommandGateway.builder().commandBus(bus).build(), new SimpleMeterRegistry(),
                settings, new StaticListableBeanFactory().getBeanProvider(ProjectionBarrier.class),
                new AggregateTurns(settings));
    }

    private static RuntimeException lockTimeout() {
        return new EventStoreException("Cannot append events",
                new SQLException("canceling statement due to lock timeout", "55P03"));
    }

    @Test
    void retriesACommandWhoseLockWaitRanOut() {
        CommandSender sender = sender(Duration.ofSeconds(1), attempt -> {
            if (attempt < 2) {
                throw lockTimeout();
            }
            return "done";
        });

        assertThat(sender.<String>call(new Change("a", "x"))).isEqualTo("done");
        assertThat(handled).hasValue(3);
    }

    @Test
    void answersAConflictWhenContentionOutlastsTheRetries() {
        CommandSender sender = sender(Duration.ofSeconds(1), attempt -> {
            throw attempt % 2 == 0 ? lockTimeout() : new ConcurrencyException("sequence taken");
        });

        assertThatThrownBy(() -> sender.send(new Change("a", "x")))
                .isInstanceOf(ConflictingModificationException.class);
        assertThat(handled).as("the first attempt and five retries").hasValue(6);
    }

    @Test
    void neverRetriesARefusal() {
        CommandSender sender = sender(Duration.ofSeconds(1), attempt -> {
            throw new DomainException(AccessErrorCode.ROLE_IN_USE, "in use");
        });

        assertThatThrownBy(() -> sender.send(new Change("a", "x"))).isInstanceOf(DomainException.class);
        assertThat(handled).hasValue(1);
    }

    @Test
    void commandsOnOneAggregateTakeTurnsAndOthersGoAhead() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        CommandSender sender = sender(Duration.ofSeconds(10), attempt -> {
            running.incrementAndGet();
            try {
                if (attempt == 0 && !release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return null;
        });
        CompletableFuture<OptionalLong> first = CompletableFuture.supplyAsync(() -> sender.send(new Change("a", "1")), clients);
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);

        CompletableFuture<OptionalLong> sameAggregate = CompletableFuture.supplyAsync(
                () -> sender.send(new Change("a", "2")), clients);
        sender.send(new Change("b", "3"));
        assertThat(handled).as("another aggregate's command went ahead").hasValue(2);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> handled.get() == 2 && !sameAggregate.isDone());

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        sameAggregate.get(5, TimeUnit.SECONDS);
        assertThat(handled).hasValue(3);
    }

    @Test
    void aCommandWhoseTurnDoesNotComeAnswersAConflict() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CommandSender sender = sender(Duration.ofMillis(50), attempt -> {
            try {
                if (attempt == 0 && !release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        CompletableFuture<OptionalLong> first = CompletableFuture.supplyAsync(() -> sender.send(new Change("a", "1")), clients);
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.get() == 1);

        assertThatThrownBy(() -> sender.send(new Change("a", "2"))).isInstanceOf(ConflictingModificationException.class);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(handled).as("the refused command never ran").hasValue(1);
    }
}
