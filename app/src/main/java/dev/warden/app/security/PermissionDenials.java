package dev.warden.app.security;

import dev.warden.command.support.RequestContext;
import dev.warden.events.access.PermissionDeniedEvent;
import dev.warden.events.shared.Actor;
import java.util.HashMap;
import java.util.Map;
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

    void record(Actor actor, String organizationId, String permission, String method, String path) {
        RequestContext context = RequestContext.current();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(RequestContext.ACTOR_ID, actor.id());
        metadata.put(RequestContext.ACTOR_TYPE, actor.type());
        metadata.put(RequestContext.ORGANIZATION_ID, organizationId);
        if (context != null) {
            put(metadata, RequestContext.REQUEST_ID, context.requestId());
            put(metadata, RequestContext.CORRELATION_ID, context.correlationId());
            put(metadata, RequestContext.CLIENT_ADDRESS, context.clientAddress());
        }
        String shortPath = path.length() > 300 ? path.substring(0, 300) : path;
        events.publish(GenericEventMessage.asEventMessage(
                new PermissionDeniedEvent(organizationId, permission, method, shortPath)).andMetaData(metadata));
    }

    private static void put(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
