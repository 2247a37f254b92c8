package dev.warden.command.infrastructure;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.infrastructure.DeprecateModuleVersionCommand;
import dev.warden.events.infrastructure.PublishModuleVersionCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Publishing and deprecating module versions. A module is found by its coordinates through
 * {@link UniqueNames} ({@link ModuleDirectory} tells the endpoint its id); the first publication
 * claims them in its own transaction, so a module is created once.
 */
@Component
class ModuleCommandHandler {

    private final Repository<RegistryModule> modules;
    private final UniqueNames names;

    ModuleCommandHandler(@Qualifier("registryModuleRepository") Repository<RegistryModule> modules,
                         UniqueNames names) {
        this.modules = modules;
        this.names = names;
    }

    /**
     * Publishes under {@code moduleId}, which must be the module's id if the coordinates are taken.
     * They are taken by another id only when another request created the module since the endpoint
     * looked: that request won, and this one answers a conflict to retry, which then finds the module.
     */
    @CommandHandler
    void handle(PublishModuleVersionCommand command) throws Exception {
        ModuleRules.Publication publication = ModuleRules.publication(command);
        if (!names.claim(ModuleRules.scope(command.organizationId()), publication.key(), command.moduleId())) {
            throw new ConflictingModificationException("The module was created by another request meanwhile");
        }
        modules.loadOrCreate(command.moduleId(), RegistryModule::new)
                .execute(m -> m.publish(command.moduleId(), command.organizationId(), publication));
    }

    @CommandHandler
    void handle(DeprecateModuleVersionCommand command) {
        Aggregates.load(modules, command.moduleId()).execute(m -> m.deprecate(command));
    }
}
