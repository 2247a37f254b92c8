package dev.warden.keys;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The keys as one unit, present whichever sides a process runs: the command side encrypts what enters
 * the log, the query side decrypts what a read model shows, and both refuse to start under a master key
 * other than the one the data keys are wrapped under.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@ConfigurationPropertiesScan
public class Keys {
}
