package dev.warden.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query side as one unit: projections, REST query endpoints, the audit trail and the wait for
 * log positions, with the settings records of its packages ({@code @ConfigurationProperties}).
 * Present when the process runs the {@code query} role ({@code warden.roles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${warden.roles:command,query}'.contains('query')")
@ComponentScan
@ConfigurationPropertiesScan
public class QuerySide {
}
