package dev.warden.events.governance;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A policy was created at version 1, enabled.
 */
@Revision("1")
public record PolicyCreatedEvent(String policyId,
                                 String organizationId,
                                 String name,
                                 String description,
                                 PolicyMode mode,
                                 int priority,
                                 List<PolicyRule> rules) {
}
