package dev.warden.events.governance;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Enables a disabled policy.
 */
public record EnablePolicyCommand(@TargetAggregateIdentifier String policyId,
                                  String organizationId) implements OrganizationScoped {
}
