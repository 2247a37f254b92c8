package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A policy was enabled: its rules take part in decisions again.
 */
@Revision("1")
public record PolicyEnabledEvent(String policyId,
                                 String organizationId) {
}
