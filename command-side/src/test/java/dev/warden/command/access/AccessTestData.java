package dev.warden.command.access;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.DueCommands;
import dev.warden.command.support.Grants;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Clock;
import java.util.List;
import org.axonframework.modelling.command.Repository;

/** Sample organizations, members and roles shared by the access and identity fixture tests. */
public final class AccessTestData {

    public static final String ORGANIZATION_ID = id(IdKind.ORGANIZATION, "acme");
    public static final String OTHER_ORGANIZATION_ID = id(IdKind.ORGANIZATION, "globex");
    public static final String USER_ID = id(IdKind.USER, "alice");
    public static final String OTHER_USER_ID = id(IdKind.USER, "bob");
    public static final String MEMBER_ID = id(IdKind.MEMBER, "alice");
    public static final String ROLE_ID = id(IdKind.ROLE, "deployers");
    public static final String OTHER_ROLE_ID = id(IdKind.ROLE, "auditors");
    public static final String SYSTEM_ROLE_ID = id(IdKind.ROLE, "viewer");
    public static final String ADMIN_ROLE_ID = id(IdKind.ROLE, "admin");

    public static final String ROLE_NAME = "Deployers";
    public static final String ROLE_DESCRIPTION = "Runs deployments";
    public static final List<String> ROLE_PERMISSIONS = List.of("projects:read", "workspaces:write");
    public static final List<String> SYSTEM_ROLE_PERMISSIONS = List.of("projects:read", "tickets:read");
    public static final List<String> ADMIN_ROLE_PERMISSIONS =
            List.of("audit:read", "projects:read", "projects:write", "roles:write", "tickets:read",
                    "workspaces:write");

    private AccessTestData() {
    }

    /** A well-formed identifier of {@code kind} whose tail starts with {@code name}, for readable failures. */
    public static String id(IdKind kind, String name) {
        String tail = (name + "0".repeat(IdKind.TAIL_LENGTH)).substring(0, IdKind.TAIL_LENGTH);
        return kind.prefix() + "_" + tail;
    }

    /**
     * The access command handlers, which the identity tests cannot construct from their package. Access
     * requests live in {@code requests}; {@code clock} tells when they expire.
     */
    public static List<Object> accessCommandHandlers(Repository<Role> roles, Repository<Organization> organizations,
                                                     UniqueNames names, AggregateLocks locks,
                                                     Repository<AccessRequest> requests, Clock clock) {
        return accessCommandHandlers(roles, organizations, names, locks, requests, clock, new RecordingDueCommands());
    }

    /** The same, scheduling the commands they make due (request expiries) in {@code due}. */
    public static List<Object> accessCommandHandlers(Repository<Role> roles, Repository<Organization> organizations,
                                                     UniqueNames names, AggregateLocks locks,
                                                     Repository<AccessRequest> requests, Clock clock,
                                                     DueCommands due) {
        GrantableRoles grantable = new GrantableRoles(roles, names, locks, new Grants());
        return List.of(
                new RoleCommandHandler(roles, organizations, names, locks, new Grants()),
                new RoleAssignmentCommandHandler(organizations, new RolePermissions(roles), grantable, new Grants(), systemRoles(names)),
                new AccessRequestCommandHandler(requests, roles, organizations, grantable, clock, due));
    }

    /** Identity's view of roles: the system roles found through {@code names}, permissions from {@code roles}. */
    public static AccessRoleDirectory roleDirectory(UniqueNames names, Repository<Role> roles) {
        return new AccessRoleDirectory(systemRoles(names), new RolePermissions(roles));
    }

    /** The system roles as the seeder leaves them in {@code names}: found through their name claims. */
    public static SystemRoles systemRoles(UniqueNames names) {
        return new SystemRoles(names);
    }

    /** Claims the names of the sample system roles Admin and Viewer, as the seeder does. */
    public static void claimSystemRoleNames(UniqueNames names) {
        names.claim(RoleRules.SYSTEM_ROLE_SCOPE, "admin", ADMIN_ROLE_ID);
        names.claim(RoleRules.SYSTEM_ROLE_SCOPE, "viewer", SYSTEM_ROLE_ID);
    }

    /** The uniqueness scope of role names in {@code organizationId}. */
    public static String roleNameScope(String organizationId) {
        return RoleRules.orgScope(organizationId);
    }

    public static OrganizationCreatedEvent organizationCreated(String organizationId) {
        return new OrganizationCreatedEvent(organizationId, "Acme");
    }

    public static MemberAddedEvent aliceJoined() {
        return new MemberAddedEvent(ORGANIZATION_ID, MEMBER_ID, USER_ID);
    }

    /** The custom role "Deployers" of the sample organization. */
    public static RoleCreatedEvent customRoleCreated() {
        return new RoleCreatedEvent(ROLE_ID, ORGANIZATION_ID, ROLE_NAME, ROLE_DESCRIPTION, false, ROLE_PERMISSIONS);
    }

    /** A custom role of the other organization. */
    public static RoleCreatedEvent otherOrganizationsRoleCreated() {
        return new RoleCreatedEvent(OTHER_ROLE_ID, OTHER_ORGANIZATION_ID, "Auditors", "", false,
                List.of("audit:read"));
    }

    /** The seeded system role "Admin", trimmed to a few permissions. */
    public static RoleCreatedEvent adminRoleCreated() {
        return new RoleCreatedEvent(ADMIN_ROLE_ID, null, "Admin", "Everything", true, ADMIN_ROLE_PERMISSIONS);
    }

    /** Alice holds the Admin role in the sample organization. */
    public static RoleAssignedEvent aliceIsAdmin() {
        return new RoleAssignedEvent(ORGANIZATION_ID, USER_ID, ADMIN_ROLE_ID);
    }

    /** The seeded system role "Viewer", trimmed to two permissions. */
    public static RoleCreatedEvent systemRoleCreated() {
        return new RoleCreatedEvent(SYSTEM_ROLE_ID, null, "Viewer", "Reads", true, SYSTEM_ROLE_PERMISSIONS);
    }
}
