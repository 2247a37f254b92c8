package dev.warden.command.governance;

import dev.warden.events.governance.SetDefaultEffectCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An organization's default effect: set on its {@link GovernanceSettings} (made by the first command)
 * and, when it changed, written to the organization's {@link PolicyRevisions} row in the same transaction.
 */
@Component
class GovernanceSettingsCommandHandler {

    private final Repository<GovernanceSettings> settings;
    private final PolicyRevisions revisions;

    GovernanceSettingsCommandHandler(
            @Qualifier("governanceSettingsRepository") Repository<GovernanceSettings> settings,
            PolicyRevisions revisions) {
        this.settings = settings;
        this.revisions = revisions;
    }

    @CommandHandler
    void handle(SetDefaultEffectCommand command) throws Exception {
        GovernanceSettings.check(command);
        boolean changed = settings.loadOrCreate(command.settingsId(), GovernanceSettings::new)
                .invoke(s -> s.setDefault(command));
        if (changed) {
            revisions.putDefault(command.organizationId(), command.effect());
        }
    }
}
