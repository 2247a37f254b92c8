package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to set a workspace variable. A plain variable has a {@code value} and no credential; a
 * sensitive one has no value, only {@code credentialId}, a reference to a stored credential
 * ({@code cred_...}): a secret never enters the log. Setting a variable as it is changes nothing.
 */
public record SetWorkspaceVariableCommand(@TargetAggregateIdentifier String workspaceId,
                                          String organizationId,
                                          String name,
                                          String value,
                                          String credentialId,
                                          boolean sensitive) implements OrganizationScoped {
}
