package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a version of a Terraform module to the organization's registry. A module is its
 * namespace, name and provider, unique in the organization ignoring case; {@code moduleId} is the
 * module's id when it exists, else the id it gets. {@code version} is a semantic version
 * ({@link SemanticVersion}); {@code source} says where Terraform downloads it (Terraform's source
 * syntax, without credentials in it). A published version never changes: publishing it again with
 * the same version text, source and description stores nothing; anything else under a version of
 * the same precedence (the same version but for build metadata) is refused.
 */
public record PublishModuleVersionCommand(@TargetAggregateIdentifier String moduleId,
                                          String organizationId,
                                          String namespace,
                                          String name,
                                          String provider,
                                          String version,
                                          String source,
                                          String description) implements OrganizationScoped {
}
