package dev.warden.events.identity;

import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An API key was issued. Only the SHA-256 of its secret and the secret's visible prefix are stored.
 */
@Revision("1")
public record ApiKeyIssuedEvent(String keyId,
                                String organizationId,
                                String name,
                                String prefix,
                                String secretHash,
                                Set<String> scopes,
                                Instant expiresAt,
                                String issuedBy) {
}
