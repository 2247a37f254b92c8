package dev.warden.events.credentials;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A credential type came into being: an organization's own, or a system type ({@code organizationId}
 * {@code null}) that every organization sees. {@code provider} is {@code null} for a type of no cloud
 * provider; {@code description} is {@code ""} when none.
 */
@Revision("1")
public record CredentialTypeCreatedEvent(String credentialTypeId,
                                         String organizationId,
                                         String name,
                                         String provider,
                                         String description,
                                         List<CredentialField> fields) {
}
