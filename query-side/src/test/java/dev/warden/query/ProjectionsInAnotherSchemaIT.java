package dev.warden.query;

import static dev.warden.query.support.ReadModelDatabase.batch;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessRequestProjection;
import dev.warden.query.access.PermissionCatalogueProjection;
import dev.warden.query.access.RoleProjection;
import dev.warden.query.access.UserRoleProjection;
import dev.warden.query.identity.ApiKeyProjection;
import dev.warden.query.identity.IdentityProjection;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.InvitationProjection;
import dev.warden.query.identity.SessionProjection;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projections name no schema: on a connection whose {@code search_path} is another schema
 * (as a rebuild or a point-in-time branch would use), the same projection code writes there and
 * leaves the live tables alone, and the queries read there.
 */
class ProjectionsInAnotherSchemaIT {

    private static final List<String> READ_MODEL = List.of("users", "accounts", "organizations", "members",
            "sessions", "api_keys", "invitations", "permissions", "roles", "role_permissions", "user_roles",
            "access_requests");

    private final JdbcClient live = ReadModelDatabase.jdbc();
    private final String schema = "branch_" + UUID.randomUUID().toString().replace("-", "");
    private final DataSource branch = branch();
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String userId = IdKind.USER.next();
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String roleId = IdKind.ROLE.next();

    @Test
    void everyProjectionWritesIntoTheSchemaItsConnectionSearches() {
        String permission = "probe" + schema + ":read";
        IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class, branch);
        identity.on(new UserRegisteredEvent(userId, "branch@example.com", "Branch"), next(at));
        identity.on(new OrganizationCreatedEvent(orgId, "Branch Ltd"), next(at), userId);
        identity.on(new AccountLinkedEvent(userId, IdKind.ACCOUNT.next(), "github", schema), next(at));
        batch(() -> {
            identity.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), next(at));
            ReadModelDatabase.bean(SessionProjection.class, branch).on(new SessionStartedEvent(IdKind.SESSION.next(),
                    userId, "hash-" + schema, at.plusSeconds(60), null, null, false), next(at));
            ReadModelDatabase.bean(ApiKeyProjection.class, branch).on(new ApiKeyIssuedEvent(IdKind.API_KEY.next(),
                    orgId, "ci", "wdn_" + schema, "key-" + schema, Set.of(), null, userId), next(at));
            ReadModelDatabase.bean(InvitationProjection.class, branch).on(new MemberInvitedEvent(
                    IdKind.INVITATION.next(), orgId, null, "invitee@example.com", at.plusSeconds(60)), next(at),
                    userId);
            ReadModelDatabase.bean(PermissionCatalogueProjection.class, branch).on(new PermissionRegisteredEvent(
                    "catalogue", permission, "probe" + schema, "read", "Read probes"));
            ReadModelDatabase.bean(RoleProjection.class, branch).on(new RoleCreatedEvent(roleId, orgId, "Branch role",
                    "", false, List.of(permission)), 0, next(at));
            ReadModelDatabase.bean(UserRoleProjection.class, branch).on(new RoleAssignedEvent(orgId, userId, roleId),
                    next(at), userId);
            ReadModelDatabase.bean(AccessRequestProjection.class, branch).on(new AccessRequestedEvent(
                    IdKind.ACCESS_REQUEST.next(), orgId, userId, roleId, "please", null), next(at));
        });

        for (String table : READ_MODEL) {
            assertThat(count(schema + "." + table)).as("rows in the branch's " + table).isPositive();
        }
        assertThat(live.sql("SELECT count(*) FROM users WHERE id = ?").param(userId).query(Long.class).single())
                .as("nothing in the live tables").isZero();
        assertThat(live.sql("SELECT count(*) FROM permissions WHERE name = ?").param(permission).query(Long.class)
                .single()).isZero();
        assertThat(ReadModelDatabase.bean(IdentityQueries.class, branch).organization(orgId)).isPresent();
        assertThat(ReadModelDatabase.bean(IdentityQueries.class).organization(orgId)).isEmpty();
    }

    @Test
    void aBatchWritingToTheLiveTablesAndToABranchKeepsThemApart() {
        IdentityProjection inBranch = ReadModelDatabase.bean(IdentityProjection.class, branch);
        IdentityProjection inLive = ReadModelDatabase.bean(IdentityProjection.class);
        String liveUser = IdKind.USER.next();

        batch(() -> {
            inLive.on(new UserRegisteredEvent(liveUser, "live@example.com", "Live"), next(at));
            inBranch.on(new UserRegisteredEvent(userId, "branch@example.com", "Branch"), next(at));
            inBranch.on(new UserRenamedEvent(userId, "Renamed in the branch"), next(at));
        });

        assertThat(names("users", liveUser)).containsExactly(Map.entry(liveUser, "Live"));
        assertThat(names(schema + ".users", liveUser)).containsExactly(Map.entry(userId, "Renamed in the branch"));
    }

    @Test
    void aResetInTheBranchLeavesTheLiveTables() {
        ReadModelDatabase.bean(IdentityProjection.class)
                .on(new UserRegisteredEvent(userId, "live@example.com", "Live"), next(at));
        IdentityProjection inBranch = ReadModelDatabase.bean(IdentityProjection.class, branch);
        inBranch.on(new UserRegisteredEvent(IdKind.USER.next(), "branch@example.com", "Branch"), next(at));

        inBranch.reset();

        assertThat(count(schema + ".users")).isZero();
        assertThat(ReadModelDatabase.bean(IdentityQueries.class).user(userId)).isPresent();
    }

    /** A schema with empty copies of the read-model tables, and a data source that searches it alone. */
    private DataSource branch() {
        live.sql("CREATE SCHEMA " + schema).update();
        for (String table : READ_MODEL) {
            live.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)").update();
        }
        return ReadModelDatabase.inSchema(schema);
    }

    private long count(String table) {
        return live.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The display names in {@code table} of this test's user and {@code other}. */
    private List<Map.Entry<String, String>> names(String table, String other) {
        return live.sql("SELECT id, display_name FROM " + table + " WHERE id IN (?, ?)")
                .params(userId, other)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
    }
}
