package dev.warden.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.UserRegisteredEvent;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A registered person. Credentials, sessions and deactivation come with the identity issue. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class User {

    @AggregateIdentifier
    private String userId;

    protected User() {
    }

    /** Registers the user; the caller has validated the input and claimed the email. */
    User(RegisterUserCommand command, String email, String displayName) {
        apply(new UserRegisteredEvent(command.userId(), email, displayName));
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
    }
}
