package dev.warden.events.credentials;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to define a system credential type (seeded, visible to every organization) under its fixed
 * id. Defining one that exists already stores nothing.
 */
public record DefineSystemCredentialTypeCommand(@TargetAggregateIdentifier String credentialTypeId,
                                                String name,
                                                String provider,
                                                String description,
                                                List<CredentialField> fields) {
}
