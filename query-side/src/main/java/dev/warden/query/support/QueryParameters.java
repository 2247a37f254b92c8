package dev.warden.query.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record that a query endpoint takes as a group of query parameters: each component is
 * filled from the parameter of its name, converted and refused as an optional {@code @RequestParam}
 * of its type would be ({@link QueryParametersResolver}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryParameters {
}
