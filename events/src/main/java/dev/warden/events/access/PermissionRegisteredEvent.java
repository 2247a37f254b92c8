package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A permission joined the system catalogue. Permissions are never removed from the catalogue.
 */
@Revision("1")
public record PermissionRegisteredEvent(String catalogueId,
                                        String permission,
                                        String resource,
                                        String action,
                                        String description) {
}
