package dev.warden.app.security;

import dev.warden.command.support.Secrets;
import dev.warden.events.shared.Actor;
import dev.warden.query.identity.PrincipalLookup;
import dev.warden.query.identity.SessionPrincipal;
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

    /**
     * Who is calling, whether they are an operator (a user above all organizations), and what they
     * may do in {@code organizationId} when one is given.
     */
    record Caller(Actor actor, boolean operator, Optional<Set<String>> permissions) {
    }

    /**
     * The caller of {@code request}, and, for an endpoint of {@code organizationId} (else
     * {@code null}), the permissions they hold there: empty when they may not see it at all. A
     * session on an organization's endpoint, the most frequent request, costs one read.
     */
    Optional<Caller> authenticate(HttpServletRequest request, String organizationId) {
        String credential = credential(request);
        if (credential == null || credential.length() > MAX_CREDENTIAL_LENGTH) {
            return Optional.empty();
        }
        if (credential.startsWith(Secrets.SESSION_PREFIX) && organizationId != null) {
            return lookup.sessionIn(Secrets.sha256(credential), organizationId)
                    .map(s -> new Caller(sessionActor(s.session()), s.session().operator(), s.permissions()));
        }
        if (credential.startsWith(Secrets.SESSION_PREFIX)) {
            return lookup.session(Secrets.sha256(credential))
                    .map(s -> new Caller(sessionActor(s), s.operator(), Optional.empty()));
        }
        if (credential.startsWith(Secrets.API_KEY_PREFIX)) {
            return lookup.apiKey(Secrets.sha256(credential))
                    .map(k -> new Actor(Actor.API_KEY, k.keyId(), k.issuedBy(), null, k.organizationId(),
                            Set.copyOf(k.scopes())))
                    .map(actor -> new Caller(actor, false,
                            organizationId == null ? Optional.empty() : permissions(actor, organizationId)));
        }
        return Optional.empty();
    }

    private static Actor sessionActor(SessionPrincipal session) {
        return new Actor(Actor.USER, session.userId(), session.userId(), session.sessionId(), null, null);
    }

    /** The permissions key {@code actor} holds in {@code organizationId}; empty when it may not see it at all. */
    private Optional<Set<String>> permissions(Actor actor, String organizationId) {
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
