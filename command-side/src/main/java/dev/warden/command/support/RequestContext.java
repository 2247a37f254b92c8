package dev.warden.command.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is acting and where the request came from. Filled once per HTTP request (or set to the
 * system actor for work the service does by itself) and copied into the metadata of every command,
 * and from there into every event it causes. {@code permissions} are the actor's permissions in the
 * organization, used to refuse escalation (granting more than one holds); {@code null} for the
 * system, which is not limited. They never enter metadata.
 */
public record RequestContext(String actorId, String actorType, String organizationId, String requestId,
                             String correlationId, String clientAddress, Set<String> permissions) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_TYPE = "actorType";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The actor type (and id) of work the service does by itself. */
    public static final String SYSTEM = "system";

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    /** The context of work the service does by itself (seeding, expiry). */
    public static RequestContext system(String requestId) {
        return new RequestContext(SYSTEM, SYSTEM, null, requestId, requestId, null, null);
    }

    /** This context acting as {@code actorType} {@code actorId} with {@code permissions} in {@code organizationId}. */
    public RequestContext as(String actorType, String actorId, String organization, Set<String> granted) {
        return new RequestContext(actorId, actorType, organization, requestId, correlationId, clientAddress,
                granted == null ? null : Set.copyOf(granted));
    }

    /**
     * The metadata this context gives a message: actor, organization ({@code organization} if given,
     * else the context's), request, correlation and client address. Never the permissions.
     */
    public Map<String, Object> metadata(String organization) {
        Map<String, Object> metadata = new HashMap<>();
        put(metadata, ACTOR_ID, actorId);
        put(metadata, ACTOR_TYPE, actorType);
        put(metadata, ORGANIZATION_ID, organization != null ? organization : organizationId);
        put(metadata, REQUEST_ID, requestId);
        put(metadata, CORRELATION_ID, correlationId);
        put(metadata, CLIENT_ADDRESS, clientAddress);
        return metadata;
    }

    private static void put(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    /** The context of the current thread, or {@code null} outside a request. */
    public static RequestContext current() {
        return CURRENT.get();
    }

    /** Makes {@code context} the current context until the returned scope is closed. */
    public static Scope open(RequestContext context) {
        RequestContext previous = CURRENT.get();
        CURRENT.set(context);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The span during which a context is current. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
