package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user was deactivated: no sign-in, no session works.
 */
@Revision("1")
public record UserDeactivatedEvent(String userId) {
}
