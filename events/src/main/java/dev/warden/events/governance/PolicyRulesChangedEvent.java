package dev.warden.events.governance;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A policy's rules changed (replaced or reordered): {@code version} is the new version and
 * {@code rules} all its rules in order.
 */
@Revision("1")
public record PolicyRulesChangedEvent(String policyId,
                                      String organizationId,
                                      int version,
                                      List<PolicyRule> rules) {
}
