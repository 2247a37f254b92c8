package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to create an organization's own credential type: a name unique in the organization (ignoring
 * case), an optional provider ({@code aws}, {@code azure}, {@code gcp}) and description, and its fields
 * (at least one secret; names unique; patterns that compile).
 */
public record CreateCredentialTypeCommand(@TargetAggregateIdentifier String credentialTypeId,
                                          String organizationId,
                                          String name,
                                          String provider,
                                          String description,
                                          List<CredentialField> fields) implements OrganizationScoped {
}
