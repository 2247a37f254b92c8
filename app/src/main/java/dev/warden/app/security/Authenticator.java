package dev.warden.app.security;

import dev.warden.command.support.Secrets;
import dev.warden.events.shared.Actor;
import dev.warden.query.identity.PrincipalLookup;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the caller of a request from its credentials: {@code Authorization: Bearer <token>} with a
 * session token ({@code wds_...}) or an API key ({@code wdn_...}), or the session cookie. Only the
 * SHA-256 of a credential is looked up; a revoked, expired or unknown one names nobody.
 */
@Component
class Authenticator {

    private static final int MAX_CREDENTIAL_LENGTH = 200;

    private final PrincipalLookup lookup;

    /** Uses the query side's lookup, or (in a command-only process) one of its own on the same tables. */
    Authenticator(ObjectProvider<PrincipalLookup> lookup, JdbcClient jdbc) {
        this.lookup = lookup.getIfAvailable(() -> new PrincipalLookup(jdbc));
    }

    Optional<Actor> authenticate(HttpServletRequest request) {
        String credential = credential(request);
        if (credential == null || credential.length() > MAX_CREDENTIAL_LENGTH) {
            return Optional.empty();
        }
        if (credential.startsWith(Secrets.SESSION_PREFIX)) {
            return lookup.session(Secrets.sha256(credential))
                    .map(s -> new Actor(Actor.USER, s.userId(), s.userId(), s.sessionId(), null, null));
        }
        if (credential.startsWith(Secrets.API_KEY_PREFIX)) {
            return lookup.apiKey(Secrets.sha256(credential))
                    .map(k -> new Actor(Actor.API_KEY, k.keyId(), k.issuedBy(), null, k.organizationId(),
                            Set.copyOf(k.scopes())));
        }
        return Optional.empty();
    }

    /** The permissions {@code actor} holds in {@code organizationId}; empty when it may not see it at all. */
    Optional<Set<String>> permissions(Actor actor, String organizationId) {
        if (actor.isUser()) {
            return lookup.permissionsInOrganization(organizationId, actor.userId());
        }
        if (!organizationId.equals(actor.organizationId())) {
            return Optional.empty();
        }
        // A key can do what it was scoped to, and never more than its issuer can do now.
        return lookup.permissionsInOrganization(organizationId, actor.userId()).map(held -> {
            Set<String> effective = new java.util.HashSet<>(actor.scopes());
            effective.retainAll(held);
            return Set.copyOf(effective);
        });
    }

    private static String credential(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Secrets.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
