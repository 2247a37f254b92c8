package dev.warden.command.identity;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.identity.RevokeSessionCommand;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.StartSessionCommand;
import dev.warden.events.shared.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A sign-in session of one user. Only its owner can end it; ending it twice changes nothing. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Session {

    @AggregateIdentifier
    private String sessionId;
    private String userId;
    private boolean revoked;

    protected Session() {
    }

    /** Opens the session; the caller has checked the credentials. */
    Session(StartSessionCommand command) {
        apply(new SessionStartedEvent(command.sessionId(), command.userId(), command.tokenHash(), command.expiresAt(),
                command.clientAddress(), command.userAgent(), command.secondFactor()));
    }

    @CommandHandler
    void handle(RevokeSessionCommand command) {
        if (!userId.equals(command.userId())) {
            // Another user's session looks exactly like a missing one.
            throw IdKind.SESSION.notFound(command.sessionId());
        }
        if (!revoked) {
            apply(new SessionRevokedEvent(sessionId, userId));
        }
    }

    @EventSourcingHandler
    void on(SessionStartedEvent event) {
        sessionId = event.sessionId();
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(SessionRevokedEvent event) {
        revoked = true;
    }
}
