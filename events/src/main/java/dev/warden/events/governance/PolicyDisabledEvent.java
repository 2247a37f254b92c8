package dev.warden.events.governance;

import org.axonframework.serialization.Revision;

/**
 * A policy was disabled.
 */
@Revision("1")
public record PolicyDisabledEvent(String policyId,
                                  String organizationId) {
}
