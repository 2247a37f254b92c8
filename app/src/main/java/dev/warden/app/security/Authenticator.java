package dev.warden.app.security;

import dev.warden.command.support.Secrets;
import dev.warden.query.support.CallerLookup;
import dev.warden.query.support.CallerLookup.Caller;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Finds the caller of a request from its credentials: {@code Authorization: Bearer <token>} with a
 * session token ({@code wds_...}) or an API key ({@code wdn_...}), or the session cookie. Only the
 * SHA-256 of a credential is looked up; a revoked, expired or unknown one names nobody.
 */
@Component
class Authenticator {

    private static final int MAX_CREDENTIAL_LENGTH = 200;

    private final CallerLookup lookup;

    Authenticator(CallerLookup lookup) {
        this.lookup = lookup;
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
        if (credential.startsWith(Secrets.SESSION_PREFIX)) {
            return lookup.session(Secrets.sha256(credential), organizationId);
        }
        if (credential.startsWith(Secrets.API_KEY_PREFIX)) {
            return lookup.apiKey(Secrets.sha256(credential), organizationId);
        }
        return Optional.empty();
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
