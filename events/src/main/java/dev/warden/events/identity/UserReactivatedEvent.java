package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A deactivated user was reactivated.
 */
@Revision("1")
public record UserReactivatedEvent(String userId) {
}
