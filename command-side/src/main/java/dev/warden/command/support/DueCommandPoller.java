package dev.warden.command.support;

import dev.warden.command.support.DueCommandStore.Due;
import dev.warden.events.shared.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the {@link DueCommands} whose time has come, as the system actor. Each is sent in one
 * transaction with the claim of its row and the row's deletion, so the command's events and the end
 * of the row commit together: instances polling the same database send it once between them, and
 * an instance that stops half-way leaves the row to the others (its transaction rolls back). A send
 * that fails is tried again later, waiting longer each time; one the domain refuses is done, since
 * sending it again would be refused again.
 */
@Component
public class DueCommandPoller {

    private static final Logger log = LoggerFactory.getLogger(DueCommandPoller.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofHours(1);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DueCommandStore store;
    private final TransactionTemplate transactions;
    private final CommandGateway gateway;
    private final Clock clock;
    private final MeterRegistry meters;

    public DueCommandPoller(DueCommandStore store, PlatformTransactionManager transactions, CommandGateway gateway,
                            Clock clock, MeterRegistry meters) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.gateway = gateway;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${warden.due-commands.poll-interval}",
            initialDelayString = "${warden.due-commands.poll-interval}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Due commands are left for the next poll: {}", e.toString());
        }
    }

    /** Sends every command due now, one at a time; answers how many rows it took (failed ones too). */
    public int sendDue() {
        Instant now = clock.instant();
        int taken = 0;
        while (!Thread.currentThread().isInterrupted() && sendNext(now)) {
            taken++;
        }
        return taken;
    }

    private boolean sendNext(Instant now) {
        try {
            Optional<Due> sent = transactions.execute(status -> store.claimNext(now).map(this::send));
            if (sent == null || sent.isEmpty()) {
                return false;
            }
            count(sent.get(), "sent");
            return true;
        } catch (SendFailed failed) {
            settle(failed.due, failed.getCause());
            return true;
        }
    }

    private Due send(Due due) {
        try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("due-" + UUID.randomUUID()))) {
            gateway.sendAndWait(store.command(due));
        } catch (RuntimeException e) {
            // Out of the transaction: a failed command leaves it fit only for rolling back.
            throw new SendFailed(due, e);
        }
        store.complete(due);
        return due;
    }

    private void settle(Due due, Throwable cause) {
        if (cause instanceof DomainException) {
            log.debug("Due command {} refused, dropped: {}", due.key(), cause.getMessage());
            store.complete(due);
            count(due, "refused");
            return;
        }
        int attempts = due.attempts() + 1;
        Instant retryAt = clock.instant().plus(retryDelay(attempts));
        log.warn("Due command {} failed (attempt {}), tried again at {}: {}", due.key(), attempts, retryAt,
                cause.toString());
        String error = cause.toString();
        store.postpone(due, retryAt, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
        count(due, "failed");
    }

    /** 5 s after the first failure, doubling up to an hour. */
    static Duration retryDelay(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }

    private void count(Due due, String outcome) {
        Counter.builder("warden.due.commands")
                .description("Time-driven commands taken when due, per command type and outcome")
                .tag("command", due.type().substring(due.type().lastIndexOf('.') + 1))
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    /** A send that failed: carries the row out of the transaction it rolled back. */
    private static final class SendFailed extends RuntimeException {

        private final transient Due due;

        SendFailed(Due due, RuntimeException cause) {
            super(cause);
            this.due = due;
        }
    }
}
