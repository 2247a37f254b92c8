package dev.warden.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.access.RoleUnassignedEvent;
import dev.warden.events.access.UnassignRoleCommand;
import dev.warden.events.identity.AddMemberCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.shared.DomainException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An organization (tenant): its members and the roles each member holds in it. Holding the
 * assignments here lets one aggregate guard "only members get roles".
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Organization {

    static final int MAX_NAME_LENGTH = 100;

    @AggregateIdentifier
    private String organizationId;
    private Map<String, Set<String>> rolesByMember = new HashMap<>();

    protected Organization() {
    }

    @CommandHandler
    Organization(CreateOrganizationCommand command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(IdentityErrorCode.INVALID_NAME,
                    "An organization name has 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
        apply(new OrganizationCreatedEvent(command.organizationId(), name));
    }

    /** Adds a member; the caller has checked that the user exists. */
    public void addMember(AddMemberCommand command) {
        if (rolesByMember.containsKey(command.userId())) {
            throw new DomainException(IdentityErrorCode.ALREADY_MEMBER,
                    "User " + command.userId() + " is a member already");
        }
        apply(new MemberAddedEvent(organizationId, command.memberId(), command.userId()));
    }

    /** Gives a member a role; the caller has checked that the role may be held in this organization. */
    public void assignRole(AssignRoleCommand command) {
        Set<String> held = rolesByMember.get(command.userId());
        if (held == null) {
            throw new DomainException(AccessErrorCode.NOT_A_MEMBER,
                    "User " + command.userId() + " is not a member of this organization");
        }
        if (!held.contains(command.roleId())) {
            apply(new RoleAssignedEvent(organizationId, command.userId(), command.roleId()));
        }
    }

    public void unassignRole(UnassignRoleCommand command) {
        Set<String> held = rolesByMember.get(command.userId());
        if (held == null) {
            throw new DomainException(AccessErrorCode.NOT_A_MEMBER,
                    "User " + command.userId() + " is not a member of this organization");
        }
        if (held.contains(command.roleId())) {
            apply(new RoleUnassignedEvent(organizationId, command.userId(), command.roleId()));
        }
    }

    /** Whether any member holds {@code roleId}. */
    public boolean anyMemberHolds(String roleId) {
        return rolesByMember.values().stream().anyMatch(roles -> roles.contains(roleId));
    }

    @EventSourcingHandler
    void on(OrganizationCreatedEvent event) {
        organizationId = event.organizationId();
    }

    @EventSourcingHandler
    void on(MemberAddedEvent event) {
        rolesByMember.put(event.userId(), new HashSet<>());
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
