package dev.warden.command.config;

import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.OrganizationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Stamps every command with who sent it and on whose behalf, from the current
 * {@link RequestContext}. Work outside a request runs as the system actor. The organization is the
 * command's own when it names one.
 */
class CommandMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            RequestContext context = RequestContext.current();
            if (context == null) {
                context = RequestContext.system(UUID.randomUUID().toString());
            }
            String organizationId = context.organizationId();
            if (command.getPayload() instanceof OrganizationScoped scoped && scoped.organizationId() != null) {
                organizationId = scoped.organizationId();
            }
            Map<String, Object> metadata = new HashMap<>();
            put(metadata, RequestContext.ACTOR_ID, context.actorId());
            put(metadata, RequestContext.ACTOR_TYPE, context.actorType());
            put(metadata, RequestContext.ORGANIZATION_ID, organizationId);
            put(metadata, RequestContext.REQUEST_ID, context.requestId());
            put(metadata, RequestContext.CORRELATION_ID, context.correlationId());
            put(metadata, RequestContext.CLIENT_ADDRESS, context.clientAddress());
            return command.andMetaData(metadata);
        };
    }

    private static void put(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }
}
