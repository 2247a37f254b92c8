package dev.warden.query.support;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Gives event handlers their {@link Logged} parameter. Registered for Axon's class-path lookup in
 * {@code META-INF/services}, so it serves every handler class, whatever configures it.
 */
public final class LoggedParameterResolverFactory implements ParameterResolverFactory {

    @Override
    public ParameterResolver<Logged> createInstance(Executable executable, Parameter[] parameters, int index) {
        return index > 0 && parameters[index].getType() == Logged.class ? new Resolver() : null;
    }

    private static final class Resolver implements ParameterResolver<Logged> {

        @Override
        public Logged resolveParameterValue(Message<?> message) {
            return Logged.of((TrackedEventMessage<?>) message);
        }

        /** Only events from a tracking processor have a position; other messages do not match the handler. */
        @Override
        public boolean matches(Message<?> message) {
            return message instanceof TrackedEventMessage<?>;
        }
    }
}
