package dev.warden.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side as one unit: aggregates, command handlers, REST command endpoints and the seeder,
 * with the settings records of its packages ({@code @ConfigurationProperties}). Present when the
 * process runs the {@code command} role ({@code warden.roles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${warden.roles:command,query}'.contains('command')")
@ComponentScan
@ConfigurationPropertiesScan
public class CommandSide {
}
