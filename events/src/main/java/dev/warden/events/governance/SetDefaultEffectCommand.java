package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets what a decision answers when no rule of the organization matches: {@code allow} or {@code deny}
 * (the default default, fail closed). The aggregate is the organization's governance settings, named by
 * {@link #settingsId(String)}.
 */
public record SetDefaultEffectCommand(@TargetAggregateIdentifier String settingsId,
                                      String organizationId,
                                      Effect effect) implements OrganizationScoped {

    /** The aggregate id of an organization's governance settings. */
    public static String settingsId(String organizationId) {
        return "governance-settings:" + organizationId;
    }
}
