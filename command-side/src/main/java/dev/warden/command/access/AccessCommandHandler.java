package dev.warden.command.access;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.Grants;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.ApproveAccessRequestCommand;
import dev.warden.events.access.CancelAccessRequestCommand;
import dev.warden.events.access.DenyAccessRequestCommand;
import dev.warden.events.access.ExpireAccessRequestCommand;
import dev.warden.events.access.RequestAccessCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DefineSystemRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Access commands that involve more than one aggregate or a set-wide rule: role names unique per
 * organization, roles assignable only to members, roles deletable only when nobody holds them.
 */
@Component
public class AccessCommandHandler {

    /** The uniqueness scope of system role names. */
    public static final String SYSTEM_ROLE_SCOPE = "role-name:system";

    private final Repository<Role> roles;
    private final Repository<Organization> organizations;
    private final UniqueNames names;
    private final AggregateLocks locks;
    private final Repository<AccessRequest> requests;
    private final Grants grants;
    private final Clock clock;
    private final SystemRoles systemRoles;
    private final RolePermissions rolePermissions;

    AccessCommandHandler(@Qualifier("roleRepository") Repository<Role> roles,
                         @Qualifier("organizationRepository") Repository<Organization> organizations, UniqueNames names,
                         AggregateLocks locks, @Qualifier("accessRequestRepository") Repository<AccessRequest> requests,
                         Grants grants, Clock clock, @Lazy SystemRoles systemRoles) {
        this.roles = roles;
        this.organizations = organizations;
        this.names = names;
        this.locks = locks;
        this.requests = requests;
        this.grants = grants;
        this.clock = clock;
        this.systemRoles = systemRoles;
        this.rolePermissions = new RolePermissions(roles);
    }

    /** The uniqueness key of a role name, the same for names that differ only in case. */
    public static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @CommandHandler
    void handle(CreateRoleCommand command) throws Exception {
        RoleRules.requireValidName(command.name());
        loadOrganization(command.organizationId());
        grants.requireHeld(RoleRules.requireKnown(command.permissions()));
        String key = nameKey(command.name());
        if (Permissions.isDefaultRoleName(command.name()) || !names.claim(orgScope(command.organizationId()), key,
                command.roleId())) {
            throw nameTaken(command.name());
        }
        roles.newInstance(() -> new Role(command));
    }

    @CommandHandler
    void handle(DefineSystemRoleCommand command) throws Exception {
        if (!names.claim(SYSTEM_ROLE_SCOPE, nameKey(command.name()), command.roleId())) {
            throw nameTaken(command.name());
        }
        roles.loadOrCreate(command.roleId(), Role::new).execute(role -> role.define(command));
    }

    @CommandHandler
    void handle(RenameRoleCommand command) {
        RoleRules.requireValidName(command.name());
        Aggregate<Role> role = loadChangeableRole(command.roleId(), command.organizationId(),
                command.expectedVersion());
        role.execute(r -> {
            String scope = orgScope(command.organizationId());
            String oldKey = nameKey(r.name());
            String newKey = nameKey(command.name());
            if (!newKey.equals(oldKey)) {
                if (Permissions.isDefaultRoleName(command.name()) || !names.claim(scope, newKey, command.roleId())) {
                    throw nameTaken(command.name());
                }
                names.release(scope, oldKey, command.roleId());
            }
            r.rename(command);
        });
    }

    @CommandHandler
    void handle(DeleteRoleCommand command) {
        locks.lockUntilCommit(command.roleId());
        Aggregate<Role> role = loadChangeableRole(command.roleId(), command.organizationId(),
                command.expectedVersion());
        boolean held = loadOrganization(command.organizationId()).invoke(o -> o.anyMemberHolds(command.roleId()));
        if (held) {
            throw new DomainException(AccessErrorCode.ROLE_IN_USE,
                    "The role is still assigned; unassign it from every member first");
        }
        role.execute(r -> {
            names.release(orgScope(command.organizationId()), nameKey(r.name()), command.roleId());
            r.delete(command);
        });
    }

    @CommandHandler
    void handle(AssignRoleCommand command) {
        // Only custom roles can be deleted, so only they need the lock; system roles are held by
        // members of every organization and must not serialize their assignments.
        if (!names.holdsAny(SYSTEM_ROLE_SCOPE, command.roleId())) {
            locks.lockUntilCommit(command.roleId());
        }
        requireGrantable(command.roleId(), command.organizationId());
        loadOrganization(command.organizationId()).execute(o -> o.assignRole(command));
    }

    @CommandHandler
    void handle(UnassignRoleCommand command) {
        loadOrganization(command.organizationId()).execute(o -> o.unassignRole(command, systemRoles.admin()));
    }

    @CommandHandler
    void handle(ChangeMemberRoleCommand command) {
        // Locked before loading the organization, as a deletion of the role does (see AggregateLocks).
        if (!names.holdsAny(SYSTEM_ROLE_SCOPE, command.roleId())) {
            locks.lockUntilCommit(command.roleId());
        }
        Aggregate<Organization> target = loadOrganization(command.organizationId());
        if (!target.invoke(o -> o.hasMember(command.userId()))) {
            throw IdentityErrorCode.memberNotFound(command.userId());
        }
        // Nobody re-roles someone with more power than themselves.
        grants.requireHeld(() -> rolePermissions.of(target.invoke(o -> o.rolesOf(command.userId()))));
        requireGrantable(command.roleId(), command.organizationId());
        target.execute(o -> o.changeMemberRole(command, systemRoles.admin()));
    }

    @CommandHandler
    void handle(RequestAccessCommand command) throws Exception {
        loadRole(command.roleId()).execute(r -> r.requireAssignableIn(command.organizationId()));
        Aggregate<Organization> organization = loadOrganization(command.organizationId());
        if (!organization.invoke(o -> o.hasMember(command.requesterId()))) {
            throw new DomainException(AccessErrorCode.NOT_A_MEMBER, "Only members can request access");
        }
        if (organization.invoke(o -> o.rolesOf(command.requesterId()).contains(command.roleId()))) {
            throw new DomainException(AccessErrorCode.ROLE_ALREADY_HELD, "You hold this role already");
        }
        requests.newInstance(() -> new AccessRequest(command));
    }

    /**
     * Approves a request and assigns its role in one transaction: both happen or neither. A retried
     * approval finds the request approved and stores nothing, so the role is assigned exactly once.
     */
    @CommandHandler
    void handle(ApproveAccessRequestCommand command) {
        Aggregate<AccessRequest> request = loadRequest(command.requestId(), command.organizationId());
        String roleId = request.invoke(AccessRequest::roleId);
        String requesterId = request.invoke(AccessRequest::requesterId);
        if (!names.holdsAny(SYSTEM_ROLE_SCOPE, roleId)) {
            locks.lockUntilCommit(roleId);
        }
        boolean approved = request.invoke(r -> r.approve(command.deciderId(), command.reason(), clock.instant()));
        if (approved) {
            requireGrantable(roleId, command.organizationId());
            loadOrganization(command.organizationId())
                    .execute(o -> o.assignRole(new AssignRoleCommand(command.organizationId(), requesterId, roleId)));
        }
    }

    @CommandHandler
    void handle(DenyAccessRequestCommand command) {
        loadRequest(command.requestId(), command.organizationId()).execute(r -> r.deny(command, clock.instant()));
    }

    @CommandHandler
    void handle(CancelAccessRequestCommand command) {
        loadRequest(command.requestId(), command.organizationId()).execute(r -> r.cancel(command));
    }

    @CommandHandler
    void handle(ExpireAccessRequestCommand command) {
        loadRequest(command.requestId(), command.organizationId()).execute(r -> r.expire(clock.instant()));
    }

    /** Checks the role exists here, may be held in the organization, and the actor holds all it grants. */
    private void requireGrantable(String roleId, String organizationId) {
        Aggregate<Role> role = loadRole(roleId);
        role.execute(r -> r.requireAssignableIn(organizationId));
        grants.requireHeld(role.invoke(Role::permissions));
    }

    private Aggregate<AccessRequest> loadRequest(String requestId, String organizationId) {
        Aggregate<AccessRequest> request;
        try {
            request = requests.load(requestId);
        } catch (AggregateNotFoundException e) {
            throw AccessErrorCode.accessRequestNotFound(requestId);
        }
        request.execute(r -> r.requireIn(organizationId));
        return request;
    }

    static String orgScope(String organizationId) {
        return "role-name:" + organizationId;
    }

    /**
     * Loads a role the organization may change, then checks the version the client expects. The
     * tenant check comes first, so another organization's role answers "not found" whatever version
     * is sent, and its version cannot be probed.
     */
    private Aggregate<Role> loadChangeableRole(String roleId, String organizationId, Long expectedVersion) {
        Aggregate<Role> role = loadRole(roleId);
        role.execute(r -> r.requireChangeableIn(organizationId));
        if (expectedVersion != null && !expectedVersion.equals(role.version())) {
            throw new ConflictingAggregateVersionException(roleId, expectedVersion,
                    role.version() == null ? -1 : role.version());
        }
        return role;
    }

    private Aggregate<Role> loadRole(String roleId) {
        try {
            return roles.load(roleId);
        } catch (AggregateNotFoundException e) {
            throw AccessErrorCode.roleNotFound(roleId);
        }
    }

    private Aggregate<Organization> loadOrganization(String organizationId) {
        try {
            return organizations.load(organizationId);
        } catch (AggregateNotFoundException e) {
            throw IdentityErrorCode.organizationNotFound(organizationId);
        }
    }

    private static DomainException nameTaken(String name) {
        return new DomainException(AccessErrorCode.ROLE_NAME_TAKEN, "A role named '" + name.strip() + "' exists already");
    }
}
