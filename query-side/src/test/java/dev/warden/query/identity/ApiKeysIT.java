package dev.warden.query.identity;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessHeldPermissions;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys: projection, the organization's list (its own keys only) and what a secret hash is worth. */
class ApiKeysIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class);
    private final ApiKeyProjection projection = ReadModelDatabase.bean(ApiKeyProjection.class);
    private final ApiKeyQueries queries = ReadModelDatabase.bean(ApiKeyQueries.class);
    private final PrincipalLookup principals = new PrincipalLookup(ReadModelDatabase.jdbc(), new AccessHeldPermissions());
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String issuer = IdKind.USER.next();
    private final String orgId = IdKind.ORGANIZATION.next();

    @Test
    void keysAreListedWithTheirStatusAndOnlyInTheirOrganization() {
        identity.on(new UserRegisteredEvent(issuer, "k@example.com", "K"), next(now));
        String active = issue(orgId, hash(), null, now);
        String expired = issue(orgId, hash(), now.minusSeconds(1), now.plusSeconds(1));
        String revoked = issue(orgId, hash(), null, now.plusSeconds(2));
        projection.on(new ApiKeyRevokedEvent(revoked, orgId), next(now.plusSeconds(3)));
        String elsewhere = issue(IdKind.ORGANIZATION.next(), hash(), null, now);

        assertThat(queries.keys(orgId, PageRequest.of(null, null)).items())
                .extracting(ApiKeyView::id, ApiKeyView::status)
                .containsExactly(tuple(revoked, "revoked"),
                        tuple(expired, "expired"),
                        tuple(active, "active"));
        ApiKeyView key = queries.key(orgId, active).orElseThrow();
        assertThat(key.scopes()).containsExactly("audit:read", "roles:read");
        assertThat(key.createdBy()).isEqualTo(issuer);
        assertThat(key.prefix()).isEqualTo("wdn_" + active.substring(4, 10));
        assertThat(queries.key(orgId, elsewhere)).isEmpty();
        assertThat(ApiKeyView.class.getRecordComponents()).noneMatch(c -> c.getName().contains("secret")
                || c.getName().contains("hash"));
    }

    @Test
    void onlyAnUnrevokedUnexpiredKeyOfAnActiveIssuerIsAPrincipal() {
        identity.on(new UserRegisteredEvent(issuer, "k@example.com", "K"), next(now));
        String good = hash();
        String goodId = issue(orgId, good, now.plusSeconds(3600), now);
        String expired = hash();
        issue(orgId, expired, now.minusSeconds(1), now.minusSeconds(10));
        String revoked = hash();
        String revokedId = issue(orgId, revoked, null, now);
        projection.on(new ApiKeyRevokedEvent(revokedId, orgId), next(now));

        assertThat(principals.apiKey(good))
                .contains(new KeyPrincipal(goodId, orgId, Set.of("roles:read", "audit:read"), issuer));
        assertThat(principals.apiKey(expired)).isEmpty();
        assertThat(principals.apiKey(revoked)).isEmpty();
        assertThat(principals.apiKey(hash())).isEmpty();

        identity.on(new UserDeactivatedEvent(issuer), next(now));
        assertThat(principals.apiKey(good)).isEmpty();
    }

    private String issue(String organizationId, String secretHash, Instant expiresAt, Instant at) {
        String keyId = IdKind.API_KEY.next();
        ApiKeyIssuedEvent event = new ApiKeyIssuedEvent(keyId, organizationId, "ci", "wdn_" + keyId.substring(4, 10),
                secretHash, Set.of("roles:read", "audit:read"), expiresAt, issuer);
        long position = nextPosition();
        projection.on(event, new Logged(position, at));
        projection.on(event, new Logged(position, at));
        return keyId;
    }

    private static String hash() {
        return UUID.randomUUID().toString();
    }

}
