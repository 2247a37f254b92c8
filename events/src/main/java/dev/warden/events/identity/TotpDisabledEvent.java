package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user turned off the TOTP second factor.
 */
@Revision("1")
public record TotpDisabledEvent(String userId) {
}
