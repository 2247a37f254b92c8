package dev.warden.query.governance;

import dev.warden.events.governance.Effect;
import java.time.Instant;

/**
 * An organization's governance settings: the effect of a call no rule matches. {@code explicit} is false
 * while nobody set it, and the effect is then the default default, deny.
 */
public record GovernanceSettingsView(String organizationId, Effect defaultEffect, boolean explicit, String setBy,
                                     Instant updatedAt) {
}
