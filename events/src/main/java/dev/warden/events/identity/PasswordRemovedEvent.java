package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's password was removed; they sign in with a linked account.
 */
@Revision("1")
public record PasswordRemovedEvent(String userId) {
}
