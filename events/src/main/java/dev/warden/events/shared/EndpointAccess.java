package dev.warden.events.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an HTTP endpoint, declared on the handler method itself. Every endpoint carries
 * exactly one of these; one interceptor checks them, and an endpoint with none is refused (fail
 * closed). The permission matrix (README, {@code GET /api/access-rules}) is generated from them.
 */
public final class EndpointAccess {

    private EndpointAccess() {
    }

    /** Anyone, without credentials (signing in). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Open {
    }

    /** A user signed in with a session, not an API key: things about oneself. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface SignedIn {
    }

    /** A signed-in operator: account-wide actions above every organization. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface OperatorOnly {
    }

    /**
     * A signed-in user acting on their own account (the path's {@code {userId}}), or an operator acting on
     * anyone's: things a person may ask for themself and an operator for them.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface SelfOrOperator {
    }

    /** A caller holding {@code value} (a catalogue permission) in the organization of the path ({@code {orgId}}). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Requires {
        String value();
    }
}
