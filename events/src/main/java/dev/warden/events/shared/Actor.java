package dev.warden.events.shared;

import java.util.Set;

/**
 * The authenticated caller of a request: a user signed in with a session, or an API key of one
 * organization. Set by the service from the credentials of the request, never from what a client
 * says about itself; the web layer keeps it in the request attribute {@link #ATTRIBUTE}.
 *
 * @param type           {@code user} or {@code api-key}
 * @param id             the user id or the key id
 * @param userId         the user acting (for a key: the user who issued it)
 * @param sessionId      the session of a user, {@code null} for a key
 * @param organizationId the organization of a key, {@code null} for a user
 */
public record Actor(String type, String id, String userId, String sessionId, String organizationId,
                    Set<String> scopes) {

    /** The request attribute the actor is kept in. */
    public static final String ATTRIBUTE = "warden.actor";
    public static final String USER = "user";
    public static final String API_KEY = "api-key";

    public boolean isUser() {
        return USER.equals(type);
    }
}
