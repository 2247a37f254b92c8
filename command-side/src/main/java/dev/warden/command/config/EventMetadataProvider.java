package dev.warden.command.config;

import dev.warden.command.support.RequestContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Carries a command's metadata over to the events it causes: actor, organization, request,
 * client address and correlation id as they were, and the command's own id as the causation id.
 * Events handled by the projections cause nothing, so their metadata is never read here (reading
 * it would deserialize it for every event a projection handles).
 */
class EventMetadataProvider implements CorrelationDataProvider {

    private static final List<String> COPIED = List.of(RequestContext.ACTOR_ID, RequestContext.ACTOR_TYPE,
            RequestContext.ORGANIZATION_ID, RequestContext.REQUEST_ID, RequestContext.CLIENT_ADDRESS);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (!(message instanceof CommandMessage<?>)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : COPIED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        Object correlationId = message.getMetaData().get(RequestContext.CORRELATION_ID);
        data.put(RequestContext.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(RequestContext.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
