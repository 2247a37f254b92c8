package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user turned on the TOTP second factor. The shared secret is kept outside the log.
 */
@Revision("1")
public record TotpEnabledEvent(String userId) {
}
