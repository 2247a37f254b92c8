package dev.warden.command.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.shared.DomainException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization's governance settings, made by the first command that sets one (id
 * {@link SetDefaultEffectCommand#settingsId}): the default effect, what a decision answers when no rule
 * matches. It is allow or deny; until set it is {@link PolicySet#DEFAULT_DEFAULT} (deny, fail closed).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class GovernanceSettings {

    @AggregateIdentifier
    private String settingsId;
    private String organizationId;
    private Effect defaultEffect;

    protected GovernanceSettings() {
    }

    /** Refuses a command whose settings id is not its organization's or whose effect is no default. */
    static void check(SetDefaultEffectCommand command) {
        if (command.organizationId() == null
                || !SetDefaultEffectCommand.settingsId(command.organizationId()).equals(command.settingsId())) {
            throw new DomainException(GovernanceErrorCode.INVALID_POLICY,
                    "The settings id is not the organization's governance settings");
        }
        if (command.effect() != Effect.ALLOW && command.effect() != Effect.DENY) {
            throw new DomainException(GovernanceErrorCode.INVALID_POLICY, "The default effect is allow or deny");
        }
    }

    /** Sets the default effect; answers whether it changed (setting the one in force stores nothing). */
    boolean setDefault(SetDefaultEffectCommand command) {
        check(command);
        Effect current = defaultEffect == null ? PolicySet.DEFAULT_DEFAULT : defaultEffect;
        if (settingsId != null && current == command.effect()) {
            return false;
        }
        apply(new DefaultEffectSetEvent(command.settingsId(), command.organizationId(), command.effect()));
        return true;
    }

    @EventSourcingHandler
    void on(DefaultEffectSetEvent event) {
        settingsId = event.settingsId();
        organizationId = event.organizationId();
        defaultEffect = event.effect();
    }
}
