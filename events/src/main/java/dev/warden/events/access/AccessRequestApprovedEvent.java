package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A request was approved; the role assignment is stored with it.
 */
@Revision("1")
public record AccessRequestApprovedEvent(String requestId,
                                         String organizationId,
                                         String requesterId,
                                         String roleId,
                                         String reason) {
}
