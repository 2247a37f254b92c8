package dev.warden.query.identity;

import dev.warden.events.shared.Actor;
import dev.warden.events.shared.EveryRole;
import dev.warden.query.support.CallerLookup;
import dev.warden.query.support.HeldPermissions;
import dev.warden.query.support.Rows;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the security layer asks the read models, one SQL round trip per question: who a session
 * token or an API key speaks for, and what a member may do in an organization (from the roles the
 * access context knows of, {@link HeldPermissions}). Validity (revoked, expired, user deactivated)
 * is judged by the database clock, so a revocation takes effect as soon as its projection has
 * handled the event.
 */
@EveryRole
public class PrincipalLookup implements CallerLookup {

    /** A session is valid while neither revoked nor expired and its user is active. */
    private static final String VALID_SESSION = """
            s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'""";

    /**
     * A member reaches an organization unless suspended there; a session reaches it only if it
     * started after the organization last ended the member's sessions. For the member row {@code m}
     * and the session row {@code s}.
     */
    private static final String REACHES = """
            NOT m.suspended AND (m.sessions_ended_at IS NULL OR s.created_at > m.sessions_ended_at)""";

    private final JdbcClient jdbc;
    /** The permissions the member of row {@code m} holds in its organization. */
    private final String heldByMember;

    public PrincipalLookup(JdbcClient jdbc, HeldPermissions held) {
        this.jdbc = jdbc;
        this.heldByMember = held.expression("m.organization_id", "m.user_id");
    }

    @Override
    public Optional<Caller> session(String tokenHash, String organizationId) {
        if (organizationId == null) {
            return session(tokenHash).map(s -> new Caller(actor(s), s.operator(), Optional.empty()));
        }
        return sessionIn(tokenHash, organizationId)
                .map(s -> new Caller(actor(s.session()), s.session().operator(), s.permissions()));
    }

    @Override
    public Optional<Caller> apiKey(String secretHash, String organizationId) {
        return apiKey(secretHash)
                .map(k -> new Actor(Actor.API_KEY, k.keyId(), k.issuedBy(), null, k.organizationId(),
                        Set.copyOf(k.scopes())))
                .map(actor -> new Caller(actor, false,
                        organizationId == null ? Optional.empty() : keyPermissions(actor, organizationId)));
    }

    /** The session with this token hash, if it is neither revoked nor expired and its user is active. */
    public Optional<SessionPrincipal> session(String tokenHash) {
        return jdbc.sql("SELECT s.id, s.user_id, u.operator FROM sessions s JOIN users u ON u.id = s.user_id WHERE "
                        + VALID_SESSION)
                .param(tokenHash)
                .query((rs, n) -> new SessionPrincipal(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /**
     * The session with this token hash (as {@link #session(String)}) and the permissions its user
     * holds in {@code organizationId} (as {@link #permissionsInOrganization}), in one round trip: what
     * an organization's endpoint asks on every request.
     */
    public Optional<SessionInOrganization> sessionIn(String tokenHash, String organizationId) {
        return jdbc.sql("SELECT s.id, s.user_id, u.operator, m.user_id IS NOT NULL AS member, " + heldByMember
                        + " AS permissions FROM sessions s JOIN users u ON u.id = s.user_id"
                        + " LEFT JOIN members m ON m.organization_id = ? AND m.user_id = s.user_id AND " + REACHES
                        + " WHERE " + VALID_SESSION)
                .params(organizationId, tokenHash)
                .query((rs, n) -> new SessionInOrganization(new SessionPrincipal(rs.getString(1), rs.getString(2),
                                rs.getBoolean(3)),
                        rs.getBoolean("member") ? Optional.of(Set.copyOf(Rows.texts(rs, "permissions")))
                                : Optional.empty()))
                .optional();
    }

    /** A valid session and what its user may do in one organization: empty when not a member of it. */
    public record SessionInOrganization(SessionPrincipal session, Optional<Set<String>> permissions) {
    }

    /** The API key with this secret hash, if it is neither revoked nor expired and its issuer is active. */
    public Optional<KeyPrincipal> apiKey(String secretHash) {
        return jdbc.sql("""
                        SELECT k.id, k.organization_id, k.scopes, k.created_by
                        FROM api_keys k JOIN users u ON u.id = k.created_by
                        WHERE k.secret_hash = ? AND k.revoked_at IS NULL
                          AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.status = 'active'""")
                .param(secretHash)
                .query((rs, n) -> new KeyPrincipal(rs.getString("id"), rs.getString("organization_id"),
                        Set.copyOf(Rows.texts(rs, "scopes")), rs.getString("created_by")))
                .optional();
    }

    /**
     * The permissions a user holds in an organization through all their roles there (system roles or
     * the organization's own), or empty when the user is not a member of it or is suspended there.
     */
    public Optional<Set<String>> permissionsInOrganization(String organizationId, String userId) {
        return jdbc.sql("SELECT " + heldByMember + " AS permissions FROM members m"
                        + " WHERE m.organization_id = ? AND m.user_id = ? AND NOT m.suspended")
                .params(organizationId, userId)
                .query((rs, n) -> Set.copyOf(Rows.texts(rs, "permissions")))
                .optional();
    }

    private static Actor actor(SessionPrincipal session) {
        return new Actor(Actor.USER, session.userId(), session.userId(), session.sessionId(), null, null);
    }

    /** What the key of {@code actor} may do in {@code organizationId}; empty when it may not see it at all. */
    private Optional<Set<String>> keyPermissions(Actor actor, String organizationId) {
        if (!organizationId.equals(actor.organizationId())) {
            return Optional.empty();
        }
        // A key can do what it was scoped to, and never more than its issuer can do now.
        return permissionsInOrganization(organizationId, actor.userId()).map(held -> {
            Set<String> effective = new HashSet<>(actor.scopes());
            effective.retainAll(held);
            return Set.copyOf(effective);
        });
    }
}
