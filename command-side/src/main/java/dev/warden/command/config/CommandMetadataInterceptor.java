package dev.warden.command.config;

import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
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
            String organizationId = null;
            if (command.getPayload() instanceof OrganizationScoped scoped && scoped.organizationId() != null) {
                organizationId = scoped.organizationId();
            }
            return command.andMetaData(context.metadata(organizationId));
        };
    }
}
