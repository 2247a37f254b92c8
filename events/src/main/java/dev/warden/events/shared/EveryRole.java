package dev.warden.events.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a context's implementation of a shared-plumbing interface that every process needs,
 * whichever sides it runs ({@code warden.roles}): a command-only and a query-only process
 * authenticate, authorize and record refusals alike. The app registers each class so marked as a
 * bean in every process; a side's other classes are beans only where that side runs. Mark nothing
 * else: such a class must need nothing that only one side provides.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EveryRole {
}
