package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes a policy's name, description, mode or priority (what is given); the rules stay.
 */
public record UpdatePolicyCommand(@TargetAggregateIdentifier String policyId,
                                  String organizationId,
                                  String name,
                                  String description,
                                  PolicyMode mode,
                                  Integer priority) implements OrganizationScoped {
}
