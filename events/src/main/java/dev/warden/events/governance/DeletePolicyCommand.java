package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes a policy; its versions stay in the log and in decisions that name them.
 */
public record DeletePolicyCommand(@TargetAggregateIdentifier String policyId,
                                  String organizationId) implements OrganizationScoped {
}
