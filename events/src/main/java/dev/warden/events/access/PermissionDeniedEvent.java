package dev.warden.events.access;

import org.axonframework.serialization.Revision;

/**
 * A caller was refused for lack of a permission. Who it was is in the metadata, as for every event.
 */
@Revision("1")
public record PermissionDeniedEvent(String organizationId,
                                    String permission,
                                    String method,
                                    String path) {
}
