package dev.warden.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.AddMemberCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.OrganizationRenamedEvent;
import dev.warden.events.identity.RemoveMemberCommand;
import dev.warden.events.identity.RenameOrganizationCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.TextRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization (tenant): its members and the roles each member holds in it. Holding the
 * assignments here lets one aggregate guard "only members get roles" and "the last Admin stays".
 * Which role is Admin is told by the caller (system roles are seeded with random ids).
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Organization {

    static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private String organizationId;
    private String name;
    private Map<String, Set<String>> rolesByMember = new HashMap<>();
    private Map<String, String> memberIdByUser = new HashMap<>();

    protected Organization() {
    }

    /** Creates an organization; with a creator in the command, the creator joins as {@code adminRoleId}. */
    Organization(CreateOrganizationCommand command, String adminRoleId) {
        String valid = requireValidName(command.name());
        apply(new OrganizationCreatedEvent(command.organizationId(), valid));
        if (command.creatorUserId() != null) {
            apply(new MemberAddedEvent(command.organizationId(), command.creatorMemberId(), command.creatorUserId()));
            apply(new RoleAssignedEvent(command.organizationId(), command.creatorUserId(), adminRoleId));
        }
    }

    @CommandHandler
    void handle(RenameOrganizationCommand command) {
        String valid = requireValidName(command.name());
        if (!valid.equals(name)) {
            apply(new OrganizationRenamedEvent(organizationId, valid));
        }
    }

    /** Adds a member holding {@code initialRoleId} (if given); the caller has checked that the user exists. */
    public void addMember(AddMemberCommand command, String initialRoleId) {
        if (rolesByMember.containsKey(command.userId())) {
            throw new DomainException(IdentityErrorCode.ALREADY_MEMBER,
                    "User " + command.userId() + " is a member already");
        }
        apply(new MemberAddedEvent(organizationId, command.memberId(), command.userId()));
        if (initialRoleId != null) {
            apply(new RoleAssignedEvent(organizationId, command.userId(), initialRoleId));
        }
    }

    /** Removes a member with their roles; the last Admin cannot leave. */
    public void removeMember(RemoveMemberCommand command, String adminRoleId) {
        Set<String> held = existingMember(command.userId());
        if (held.contains(adminRoleId) && admins(adminRoleId) == 1) {
            throw lastAdmin();
        }
        apply(new MemberRemovedEvent(organizationId, memberIdByUser.get(command.userId()), command.userId()));
    }

    /** Gives a member exactly {@code roleId}; the last Admin cannot be demoted. */
    public void changeMemberRole(ChangeMemberRoleCommand command, String adminRoleId) {
        Set<String> held = existingMember(command.userId());
        if (held.contains(adminRoleId) && !command.roleId().equals(adminRoleId) && admins(adminRoleId) == 1) {
            throw lastAdmin();
        }
        for (String roleId : List.copyOf(held)) {
            if (!roleId.equals(command.roleId())) {
                apply(new RoleUnassignedEvent(organizationId, command.userId(), roleId));
            }
        }
        if (!held.contains(command.roleId())) {
            apply(new RoleAssignedEvent(organizationId, command.userId(), command.roleId()));
        }
    }

    /** Gives a member a role; the caller has checked that the role may be held in this organization. */
    public void assignRole(AssignRoleCommand command) {
        Set<String> held = requireMember(command.userId());
        if (!held.contains(command.roleId())) {
            apply(new RoleAssignedEvent(organizationId, command.userId(), command.roleId()));
        }
    }

    /** Takes a role from a member; the last Admin keeps Admin. */
    public void unassignRole(UnassignRoleCommand command, String adminRoleId) {
        Set<String> held = requireMember(command.userId());
        if (held.contains(command.roleId())) {
            if (command.roleId().equals(adminRoleId) && admins(adminRoleId) == 1) {
                throw lastAdmin();
            }
            apply(new RoleUnassignedEvent(organizationId, command.userId(), command.roleId()));
        }
    }

    /** Whether any member holds {@code roleId}. */
    public boolean anyMemberHolds(String roleId) {
        return rolesByMember.values().stream().anyMatch(roles -> roles.contains(roleId));
    }

    /** Whether {@code userId} is a member. */
    public boolean hasMember(String userId) {
        return rolesByMember.containsKey(userId);
    }

    /** The roles {@code userId} holds here; empty for a non-member. */
    public Set<String> rolesOf(String userId) {
        return Set.copyOf(rolesByMember.getOrDefault(userId, Set.of()));
    }

    private Set<String> requireMember(String userId) {
        Set<String> held = rolesByMember.get(userId);
        if (held == null) {
            throw new DomainException(AccessErrorCode.NOT_A_MEMBER,
                    "User " + userId + " is not a member of this organization");
        }
        return held;
    }

    /** The roles of a member the command is about; a non-member is a member that is not found. */
    private Set<String> existingMember(String userId) {
        Set<String> held = rolesByMember.get(userId);
        if (held == null) {
            throw IdentityErrorCode.memberNotFound(userId);
        }
        return held;
    }

    private long admins(String adminRoleId) {
        return rolesByMember.values().stream().filter(roles -> roles.contains(adminRoleId)).count();
    }

    private static DomainException lastAdmin() {
        return new DomainException(IdentityErrorCode.LAST_ADMIN,
                "The organization's last Admin cannot be removed or demoted; make another member Admin first");
    }

    private static String requireValidName(String name) {
        return TextRule.line(IdentityErrorCode.INVALID_NAME, "An organization name", MAX_NAME_LENGTH).check(name);
    }

    @EventSourcingHandler
    void on(OrganizationCreatedEvent event) {
        organizationId = event.organizationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrganizationRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(MemberAddedEvent event) {
        rolesByMember.put(event.userId(), new HashSet<>());
        memberIdByUser.put(event.userId(), event.memberId());
    }

    @EventSourcingHandler
    void on(MemberRemovedEvent event) {
        rolesByMember.remove(event.userId());
        memberIdByUser.remove(event.userId());
    }

    @EventSourcingHandler
    void on(RoleAssignedEvent event) {
        rolesByMember.get(event.userId()).add(event.roleId());
    }

    @EventSourcingHandler
    void on(RoleUnassignedEvent event) {
        rolesByMember.get(event.userId()).remove(event.roleId());
    }
}
