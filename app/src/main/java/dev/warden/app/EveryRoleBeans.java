package dev.warden.app;

import dev.warden.events.shared.EveryRole;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The contexts' implementations of plumbing interfaces that every process needs ({@link EveryRole}),
 * registered whichever sides the process runs; the rest of each side comes with that side.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "dev.warden", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(EveryRole.class))
class EveryRoleBeans {
}
