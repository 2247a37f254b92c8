package dev.warden.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.events.access.PermissionRevokedEvent;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.access.PermissionCatalogueProjection;
import dev.warden.query.access.PermissionView;
import dev.warden.query.access.RoleProjection;
import dev.warden.query.access.RoleView;
import dev.warden.query.access.UserRoleProjection;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access projections called directly with events, then read back through {@link AccessQueries}.
 * Each test runs in a transaction that is rolled back, so the shared database keeps only what the
 * log says; positions are far beyond the log's head so they never meet a real event.
 */
@WardenTest
class AccessProjectionIT {

    @Autowired
    RoleProjection roles;

    @Autowired
    UserRoleProjection userRoles;

    @Autowired
    PermissionCatalogueProjection catalogue;

    @Autowired
    AccessQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final long base = (1L << 50) + (System.nanoTime() & ((1L << 40) - 1)) * 1_000;
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String roleId = IdKind.ROLE.next();

    @Test
    void roleCreatedLandsWithItsPermissions() {
        rolledBack(() -> {
            roles.on(created("Deployers", "audit:read", "projects:write"), 0, logged(1, at));

            RoleView role = queries.role(orgId, roleId).orElseThrow();
            assertThat(role.name()).isEqualTo("Deployers");
            assertThat(role.description()).isEqualTo("Ships things");
            assertThat(role.organizationId()).isEqualTo(orgId);
            assertThat(role.system()).isFalse();
            assertThat(role.version()).isZero();
            assertThat(role.permissions()).containsExactly("audit:read", "projects:write");
            assertThat(role.createdAt()).isEqualTo(at);
            assertThat(role.updatedAt()).isEqualTo(at);
            assertThat(lastPosition()).isEqualTo(base + 1);
            assertThat(queries.role(IdKind.ORGANIZATION.next(), roleId)).as("invisible to other organizations")
                    .isEmpty();
        });
    }

    @Test
    void systemRoleIsVisibleToEveryOrganization() {
        rolledBack(() -> {
            String name = "System " + Fixtures.unique();
            roles.on(new RoleCreatedEvent(roleId, null, name, "", true, List.of("roles:read")), 0, logged(1, at));

            assertThat(queries.role(orgId, roleId)).hasValueSatisfying(r -> {
                assertThat(r.system()).isTrue();
                assertThat(r.organizationId()).isNull();
                assertThat(r.permissions()).containsExactly("roles:read");
            });
            assertThat(queries.role(IdKind.ORGANIZATION.next(), roleId)).isPresent();
        });
    }

    @Test
    void everyRoleEventAppliedTwiceChangesNothing() {
        rolledBack(() -> {
            RoleCreatedEvent created = created("Twice", "audit:read");
            PermissionGrantedEvent granted = new PermissionGrantedEvent(roleId, orgId, "tickets:read");
            PermissionRevokedEvent revoked = new PermissionRevokedEvent(roleId, orgId, "audit:read");
            RoleRenamedEvent renamed = new RoleRenamedEvent(roleId, orgId, "Thrice", "Twice");

            roles.on(created, 0, logged(1, at));
            Map<String, Object> afterCreate = row();
            roles.on(created, 0, logged(1, at.plusSeconds(60)));
            assertThat(row()).isEqualTo(afterCreate);
            assertThat(permissionRows()).isEqualTo(1);

            roles.on(granted, 1, logged(2, at.plusSeconds(1)));
            Map<String, Object> afterGrant = row();
            roles.on(granted, 1, logged(2, at.plusSeconds(61)));
            assertThat(row()).isEqualTo(afterGrant);
            assertThat(permissionRows()).isEqualTo(2);

            roles.on(revoked, 2, logged(3, at.plusSeconds(2)));
            Map<String, Object> afterRevoke = row();
            roles.on(revoked, 2, logged(3, at.plusSeconds(62)));
            assertThat(row()).isEqualTo(afterRevoke);
            assertThat(permissionRows()).isEqualTo(1);

            roles.on(renamed, 3, logged(4, at.plusSeconds(3)));
            Map<String, Object> afterRename = row();
            roles.on(renamed, 3, logged(4, at.plusSeconds(63)));
            assertThat(row()).isEqualTo(afterRename);

            RoleView role = queries.role(orgId, roleId).orElseThrow();
            assertThat(role.name()).isEqualTo("Thrice");
            assertThat(role.version()).isEqualTo(3);
            assertThat(role.permissions()).containsExactly("tickets:read");
            assertThat(role.updatedAt()).isEqualTo(at.plusSeconds(3));
            assertThat(lastPosition()).isEqualTo(base + 4);
        });
    }

    @Test
    void olderEventsDoNotOverwriteNewerOnes() {
        rolledBack(() -> {
            roles.on(created("Original", "audit:read"), 0, logged(1, at));
            roles.on(new RoleRenamedEvent(roleId, orgId, "Newest", "Original"), 5, logged(10, at.plusSeconds(10)));

            roles.on(new RoleRenamedEvent(roleId, orgId, "Older", "Original"), 2, logged(5, at.plusSeconds(5)));
            roles.on(new PermissionGrantedEvent(roleId, orgId, "projects:read"), 3, logged(6, at.plusSeconds(6)));
            roles.on(new PermissionRevokedEvent(roleId, orgId, "audit:read"), 4, logged(7, at.plusSeconds(7)));

            RoleView role = queries.role(orgId, roleId).orElseThrow();
            assertThat(role.name()).isEqualTo("Newest");
            assertThat(role.version()).isEqualTo(5);
            assertThat(role.updatedAt()).isEqualTo(at.plusSeconds(10));
            assertThat(role.permissions()).containsExactly("audit:read");
            assertThat(lastPosition()).isEqualTo(base + 10);
        });
    }

    @Test
    void writesQueuedInAUnitOfWorkLandAtItsCommitInEventOrder() {
        rolledBack(() -> {
            String userId = IdKind.USER.next();
            String otherRoleId = IdKind.ROLE.next();
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
            batch.execute(() -> {
                roles.on(created("Batched", "audit:read"), 0, logged(1, at));
                roles.on(new RoleCreatedEvent(otherRoleId, orgId, "Other", "", false, List.of()), 0, logged(2, at));
                roles.on(new PermissionGrantedEvent(roleId, orgId, "tickets:read"), 1, logged(3, at.plusSeconds(1)));
                roles.on(new RoleRenamedEvent(roleId, orgId, "Renamed", "Batched"), 2, logged(4, at.plusSeconds(2)));
                roles.on(new PermissionRevokedEvent(roleId, orgId, "audit:read"), 3, logged(5, at.plusSeconds(3)));
                roles.on(new PermissionGrantedEvent(otherRoleId, orgId, "roles:read"), 1, logged(6, at.plusSeconds(4)));
                roles.on(new PermissionGrantedEvent(roleId, orgId, "roles:read"), 4, logged(7, at.plusSeconds(5)));
                userRoles.on(new RoleAssignedEvent(orgId, userId, roleId), logged(8, at), "usr_assigner");
                userRoles.on(new RoleUnassignedEvent(orgId, userId, roleId), logged(9, at));
                userRoles.on(new RoleAssignedEvent(orgId, userId, roleId), logged(10, at), "usr_assigner");

                assertThat(queries.role(orgId, roleId)).as("nothing written before the commit").isEmpty();
            });

            RoleView role = queries.role(orgId, roleId).orElseThrow();
            assertThat(role.name()).isEqualTo("Renamed");
            assertThat(role.version()).isEqualTo(4);
            assertThat(role.permissions()).containsExactly("roles:read", "tickets:read");
            assertThat(lastPosition()).isEqualTo(base + 7);
            assertThat(queries.role(orgId, otherRoleId).orElseThrow().permissions()).containsExactly("roles:read");
            assertThat(queries.rolesOf(orgId, List.of(userId))).isEqualTo(Map.of(userId, List.of(roleId)));
        });
    }

    @Test
    void roleDeletedTakesItsPermissionsWith() {
        rolledBack(() -> {
            roles.on(created("Doomed", "audit:read", "roles:read"), 0, logged(1, at));
            RoleDeletedEvent deleted = new RoleDeletedEvent(roleId, orgId, "Doomed");

            roles.on(deleted, logged(2, at));
            roles.on(deleted, logged(2, at));

            assertThat(queries.role(orgId, roleId)).isEmpty();
            assertThat(permissionRows()).isZero();
        });
    }

    @Test
    void assignmentLandsOnceWithWhoAssignedAndUnassignmentRemovesIt() {
        rolledBack(() -> {
            String userId = IdKind.USER.next();
            RoleAssignedEvent assigned = new RoleAssignedEvent(orgId, userId, roleId);

            userRoles.on(assigned, logged(1, at), "usr_assigner");
            userRoles.on(assigned, logged(1, at.plusSeconds(60)), "usr_assigner");

            assertThat(queries.rolesOf(orgId, List.of(userId))).isEqualTo(Map.of(userId, List.of(roleId)));
            assertThat(queries.rolesOf(IdKind.ORGANIZATION.next(), List.of(userId))).isEmpty();
            Map<String, Object> row = jdbc.sql("SELECT assigned_by, assigned_at, last_event_position FROM user_roles "
                    + "WHERE organization_id = ? AND user_id = ?").params(orgId, userId).query().singleRow();
            assertThat(row.get("assigned_by")).isEqualTo("usr_assigner");
            assertThat(row.get("last_event_position")).isEqualTo(base + 1);
            assertThat(((java.sql.Timestamp) row.get("assigned_at")).toInstant()).isEqualTo(at);

            RoleUnassignedEvent unassigned = new RoleUnassignedEvent(orgId, userId, roleId);
            userRoles.on(unassigned, logged(2, at));
            userRoles.on(unassigned, logged(2, at));
            assertThat(queries.rolesOf(orgId, List.of(userId))).isEmpty();
        });
    }

    @Test
    void permissionRegisteredLandsOnce() {
        rolledBack(() -> {
            String resource = "probe-" + Fixtures.unique();
            PermissionRegisteredEvent registered = new PermissionRegisteredEvent(Permissions.CATALOGUE_ID,
                    resource + ":inspect", resource, "inspect", "Inspect probes");

            catalogue.on(registered);
            catalogue.on(registered);

            assertThat(wholeCatalogue()).filteredOn(p -> p.resource().equals(resource))
                    .containsExactly(new PermissionView(resource + ":inspect", resource, "inspect", "Inspect probes"));
        });
    }

    @Test
    void resetEmptiesTheAccessTables() {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("permissions") >= Permissions.CATALOGUE.size()
                && count("roles") >= Permissions.DEFAULT_ROLES.size());
        long permissionsBefore = count("permissions");
        long rolesBefore = count("roles");

        rolledBack(() -> {
            roles.on(created("Reset me", "audit:read"), 0, logged(1, at));
            userRoles.on(new RoleAssignedEvent(orgId, IdKind.USER.next(), roleId), logged(2, at), "usr_assigner");

            roles.reset();
            userRoles.reset();
            catalogue.reset();

            assertThat(count("roles")).isZero();
            assertThat(count("role_permissions")).isZero();
            assertThat(count("user_roles")).isZero();
            assertThat(count("permissions")).isZero();
            assertThat(wholeCatalogue()).isEmpty();
        });

        assertThat(count("permissions")).as("rolled back").isEqualTo(permissionsBefore);
        assertThat(count("roles")).isGreaterThanOrEqualTo(rolesBefore);
    }

    private RoleCreatedEvent created(String name, String... permissions) {
        return new RoleCreatedEvent(roleId, orgId, name, "Ships things", false, List.of(permissions));
    }

    /** An event logged at {@code at}, {@code offset} positions beyond this test's base. */
    private Logged logged(long offset, Instant at) {
        return new Logged(base + offset, at);
    }

    private void rolledBack(Runnable work) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM roles WHERE id = ?").param(roleId).query().singleRow();
    }

    private long lastPosition() {
        return jdbc.sql("SELECT last_event_position FROM roles WHERE id = ?").param(roleId).query(Long.class).single();
    }

    private long permissionRows() {
        return jdbc.sql("SELECT count(*) FROM role_permissions WHERE role_id = ?").param(roleId)
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The permission catalogue, as one page as large as a page can be. */
    private List<PermissionView> wholeCatalogue() {
        return queries.permissions(PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
    }
}
