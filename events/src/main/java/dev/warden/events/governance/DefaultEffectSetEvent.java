package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * The organization's default effect, used when no rule matches, changed.
 */
@Revision("1")
public record DefaultEffectSetEvent(String settingsId,
                                    String organizationId,
                                    Effect effect) {
}
