package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user's email changed.
 */
@Revision("1")
public record UserEmailChangedEvent(String userId,
                                    String email) {
}
