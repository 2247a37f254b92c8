package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * An API key was revoked.
 */
@Revision("1")
public record ApiKeyRevokedEvent(String keyId,
                                 String organizationId) {
}
