package dev.warden.command.support;

/**
 * Who is acting and where the request came from. Filled once per HTTP request (or set to the
 * system actor for work the service does by itself) and copied into the metadata of every command,
 * and from there into every event it causes.
 */
public record RequestContext(String actorId, String actorType, String organizationId, String requestId,
                             String correlationId, String clientAddress) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_TYPE = "actorType";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_ADDRESS = "clientAddress";

    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    /** The context of work the service does by itself (seeding, expiry). */
    public static RequestContext system(String requestId) {
        return new RequestContext("system", "system", null, requestId, requestId, null);
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
