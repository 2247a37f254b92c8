package dev.warden.query.identity;

import java.util.Set;

/** Who a valid API key speaks for: the key, its organization, its scopes and the (active) user who issued it. */
public record KeyPrincipal(String keyId, String organizationId, Set<String> scopes, String issuedBy) {
}
