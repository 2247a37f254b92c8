package dev.warden.command.identity;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.ChangeMemberRoleCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberReinstatedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.MemberSessionsEndedEvent;
import dev.warden.events.identity.MemberSuspendedEvent;
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
    private Set<String> suspended = new HashSet<>();

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

    /** Adds a member holding {@code initialRoleId}; the caller has checked that the user exists and consents. */
    void addMember(String memberId, String userId, String initialRoleId) {
        if (rolesByMember.containsKey(userId)) {
            throw new DomainException(IdentityErrorCode.ALREADY_MEMBER, "User " + userId + " is a member already");
        }
        apply(new MemberAddedEvent(organizationId, memberId, userId));
        apply(new RoleAssignedEvent(organizationId, userId, initialRoleId));
    }

    /** Suspends a member's access here (only here); the last active Admin stays. */
    void suspend(String userId, String adminRoleId) {
        existingMember(userId);
        if (suspended.contains(userId)) {
            return;
        }
        if (lastActiveAdmin(userId, adminRoleId)) {
            throw lastAdmin();
        }
        apply(new MemberSuspendedEvent(organizationId, userId));
    }

    void reinstate(String userId) {
        existingMember(userId);
        if (suspended.contains(userId)) {
            apply(new MemberReinstatedEvent(organizationId, userId));
        }
    }

    /** The member's sessions open now stop reaching this organization. */
    void endSessions(String userId) {
        existingMember(userId);
        apply(new MemberSessionsEndedEvent(organizationId, userId));
    }

    /** Removes a member with their roles; the last Admin cannot leave. */
    public void removeMember(RemoveMemberCommand command, String adminRoleId) {
        existingMember(command.userId());
        if (lastActiveAdmin(command.userId(), adminRoleId)) {
            throw lastAdmin();
        }
        apply(new MemberRemovedEvent(organizationId, memberIdByUser.get(command.userId()), command.userId()));
    }

    /** Gives a member exactly {@code roleId}; the last Admin cannot be demoted. */
    public void changeMemberRole(ChangeMemberRoleCommand command, String adminRoleId) {
        Set<String> held = existingMember(command.userId());
        if (!command.roleId().equals(adminRoleId) && lastActiveAdmin(command.userId(), adminRoleId)) {
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
            if (command.roleId().equals(adminRoleId) && lastActiveAdmin(command.userId(), adminRoleId)) {
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
            throw IdKind.MEMBER.notFound(userId);
        }
        return held;
    }

    /** Whether {@code userId} is the one member holding {@code adminRoleId} who is not suspended. */
    private boolean lastActiveAdmin(String userId, String adminRoleId) {
        return rolesByMember.getOrDefault(userId, Set.of()).contains(adminRoleId) && !suspended.contains(userId)
                && rolesByMember.entrySet().stream()
                        .filter(m -> m.getValue().contains(adminRoleId) && !suspended.contains(m.getKey())).count() == 1;
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
        suspended.remove(event.userId());
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event) {
        suspended.add(event.userId());
    }

    @EventSourcingHandler
    void on(MemberReinstatedEvent event) {
        suspended.remove(event.userId());
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
