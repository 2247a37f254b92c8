package dev.warden.command.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring that belongs to the command side: command metadata and its copy into events. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    static CorrelationDataProvider eventMetadataProvider() {
        return new EventMetadataProvider();
    }

    @Bean
    static CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new CommandMetadataInterceptor())
                .build();
    }
}
