package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A person was registered. The email is stored as given; uniqueness ignores case.
 */
@Revision("1")
public record UserRegisteredEvent(String userId,
                                  String email,
                                  String displayName) {
}
