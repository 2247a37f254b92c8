package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A suspended member may use this organization again.
 */
@Revision("1")
public record MemberReinstatedEvent(String organizationId,
                                    String userId) {
}
