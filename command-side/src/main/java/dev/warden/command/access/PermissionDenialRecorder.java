package dev.warden.command.access;

import dev.warden.command.support.PermissionDenials;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.PermissionDeniedEvent;
import dev.warden.events.shared.EveryRole;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;

/**
 * Writes a refusal for lack of permission into the log as a {@link PermissionDeniedEvent}, with who,
 * where from and which request in its metadata like every event.
 */
@EveryRole
class PermissionDenialRecorder implements PermissionDenials {

    private final EventGateway events;

    PermissionDenialRecorder(EventGateway events) {
        this.events = events;
    }

    @Override
    public void record(RequestContext acting, String permission, String method, String path) {
        String shortPath = path.length() > 300 ? path.substring(0, 300) : path;
        events.publish(GenericEventMessage.asEventMessage(
                        new PermissionDeniedEvent(acting.organizationId(), permission, method, shortPath))
                .andMetaData(acting.metadata(null)));
    }
}
