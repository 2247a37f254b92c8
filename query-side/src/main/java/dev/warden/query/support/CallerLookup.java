package dev.warden.query.support;

import dev.warden.events.shared.Actor;
import java.util.Optional;
import java.util.Set;

/**
 * Who a credential speaks for, asked by the security layer on every API request. The context that
 * issues sessions and API keys implements it on its read models. A credential arrives as the
 * SHA-256 of its text; a revoked, expired or unknown one names nobody.
 */
public interface CallerLookup {

    /**
     * The caller a session token speaks for and, for an endpoint of {@code organizationId} (else
     * {@code null}), what its user may do there. The most frequent request, a session on an
     * organization's endpoint, costs one read.
     */
    Optional<Caller> session(String tokenHash, String organizationId);

    /**
     * The caller an API key speaks for and, for an endpoint of {@code organizationId} (else
     * {@code null}), what the key may do there.
     */
    Optional<Caller> apiKey(String secretHash, String organizationId);

    /**
     * Who is calling, whether they are an operator (a user above all organizations), and what they
     * may do in the organization asked about: empty when they may not see it at all, or when none was
     * asked about.
     */
    record Caller(Actor actor, boolean operator, Optional<Set<String>> permissions) {
    }
}
