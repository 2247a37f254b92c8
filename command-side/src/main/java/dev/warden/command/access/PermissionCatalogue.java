package dev.warden.command.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.access.PermissionDefinition;
import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.events.access.RegisterPermissionsCommand;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The system's permission catalogue as registered in the log; it only ever grows. */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class PermissionCatalogue {

    @AggregateIdentifier
    private String catalogueId;
    private Set<String> registered = new HashSet<>();

    protected PermissionCatalogue() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterPermissionsCommand command) {
        for (PermissionDefinition definition : command.permissions()) {
            if (!registered.contains(definition.name())) {
                apply(new PermissionRegisteredEvent(command.catalogueId(), definition.name(),
                        definition.resource(), definition.action(), definition.description()));
            }
        }
    }

    @EventSourcingHandler
    void on(PermissionRegisteredEvent event) {
        catalogueId = event.catalogueId();
        registered.add(event.permission());
    }
}
