package dev.warden.app.security;

import dev.warden.command.support.RequestContext;
import dev.warden.events.access.PermissionDeniedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Writes a refusal for lack of permission into the log, with who, where from and which request in
 * its metadata like every event, so it shows in the organization's audit trail.
 */
@Component
class PermissionDenials {

    private final EventGateway events;

    PermissionDenials(EventGateway events) {
        this.events = events;
    }

    /** Records that {@code acting} (the caller, in the organization) lacked {@code permission}. */
    void record(RequestContext acting, String permission, String method, String path) {
        String shortPath = path.length() > 300 ? path.substring(0, 300) : path;
        events.publish(GenericEventMessage.asEventMessage(
                        new PermissionDeniedEvent(acting.organizationId(), permission, method, shortPath))
                .andMetaData(acting.metadata(null)));
    }
}
