package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's password was set or changed. The hash is kept outside the log.
 */
@Revision("1")
public record PasswordChangedEvent(String userId) {
}
