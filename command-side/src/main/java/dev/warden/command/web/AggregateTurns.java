package dev.warden.command.web;

import dev.warden.command.config.CommandSettings;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;

/**
 * Commands on one aggregate take turns here, before they take a database connection. The
 * repository lets one command at a time work on an aggregate, and the others wait for it holding
 * the connection their transaction opened: a burst on one aggregate would hold the whole pool while
 * one connection works, and everyone else's requests would wait for a connection. Waiting here
 * holds none, so a hot aggregate uses one connection of this process.
 */
@Component
class AggregateTurns {

    private static final Lock NO_TURN = NullLockFactory.INSTANCE.obtainLock("");
    private static final int ATTEMPT_MILLIS = 10;

    private final LockFactory turns;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    AggregateTurns(CommandSettings settings) {
        this.turns = PessimisticLockFactory.builder()
                .lockAttemptTimeout(ATTEMPT_MILLIS)
                .acquireAttempts((int) Math.max(1, settings.queueTimeout().toMillis() / ATTEMPT_MILLIS))
                .build();
    }

    /**
     * Waits for the turn of the aggregate {@code command} targets, and answers it; release it once
     * the command is done. Answers at once for a command that names no aggregate.
     *
     * @throws ConflictingModificationException when the turn did not come within the queue timeout
     */
    Lock await(Object command) {
        String target = targetOf(command);
        if (target == null) {
            return NO_TURN;
        }
        try {
            return turns.obtainLock(target);
        } catch (LockAcquisitionFailedException e) {
            throw new ConflictingModificationException("Too many changes of " + target + " are waiting");
        }
    }

    private String targetOf(Object command) {
        try {
            return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
