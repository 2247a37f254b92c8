package dev.warden.command.access;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Grants;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.CreateRoleCommand;
import dev.warden.events.access.DefineSystemRoleCommand;
import dev.warden.events.access.DeleteRoleCommand;
import dev.warden.events.access.GrantPermissionCommand;
import dev.warden.events.access.PermissionGrantedEvent;
import dev.warden.events.access.PermissionRevokedEvent;
import dev.warden.events.access.RenameRoleCommand;
import dev.warden.events.access.RevokePermissionCommand;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.access.RoleDeletedEvent;
import dev.warden.events.access.RoleRenamedEvent;
import dev.warden.events.shared.DomainException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A role: a named set of permissions. System roles (no organization) are seeded and cannot be
 * changed through the API; custom roles belong to one organization. A deleted role answers every
 * further command as not found.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Role {

    @AggregateIdentifier
    private String roleId;
    private String organizationId;
    private String name;
    private boolean system;
    private boolean deleted;
    private Set<String> permissions = new HashSet<>();

    protected Role() {
    }

    /** The permissions the role grants now. */
    Set<String> permissions() {
        return Set.copyOf(permissions);
    }

    /** Creates a custom role; the caller has checked the organization and claimed the name. */
    Role(CreateRoleCommand command) {
        RoleRules.requireValidName(command.name());
        Set<String> initial = RoleRules.requireKnown(command.permissions());
        apply(new RoleCreatedEvent(command.roleId(), command.organizationId(), command.name().strip(),
                RoleRules.description(command.description()), false, sorted(initial)));
    }

    /** Brings a system role to exactly the seeded definition; nothing happens when it already is. */
    void define(DefineSystemRoleCommand command) {
        Set<String> wanted = RoleRules.requireKnown(command.permissions());
        if (roleId == null) {
            apply(new RoleCreatedEvent(command.roleId(), null, command.name(),
                    RoleRules.description(command.description()), true, sorted(wanted)));
            return;
        }
        for (String permission : sorted(wanted)) {
            if (!permissions.contains(permission)) {
                apply(new PermissionGrantedEvent(roleId, null, permission));
            }
        }
        for (String permission : sorted(permissions)) {
            if (!wanted.contains(permission)) {
                apply(new PermissionRevokedEvent(roleId, null, permission));
            }
        }
    }

    /** Renames the role; the caller has claimed the new name. */
    void rename(RenameRoleCommand command) {
        requireChangeableIn(command.organizationId());
        RoleRules.requireValidName(command.name());
        String newName = command.name().strip();
        if (!newName.equals(name)) {
            apply(new RoleRenamedEvent(roleId, organizationId, newName, name));
        }
    }

    @CommandHandler
    void handle(GrantPermissionCommand command, Grants grants) {
        requireChangeableIn(command.organizationId());
        RoleRules.requireKnown(Set.of(command.permission()));
        grants.requireHeld(Set.of(command.permission()));
        if (!permissions.contains(command.permission())) {
            apply(new PermissionGrantedEvent(roleId, organizationId, command.permission()));
        }
    }

    @CommandHandler
    void handle(RevokePermissionCommand command) {
        requireChangeableIn(command.organizationId());
        RoleRules.requireKnown(Set.of(command.permission()));
        if (permissions.contains(command.permission())) {
            apply(new PermissionRevokedEvent(roleId, organizationId, command.permission()));
        }
    }

    /** Deletes the role; the caller has checked that nobody holds it. */
    void delete(DeleteRoleCommand command) {
        requireChangeableIn(command.organizationId());
        apply(new RoleDeletedEvent(roleId, organizationId, name));
    }

    /** Refuses unless members of {@code organizationId} may be given this role. */
    void requireAssignableIn(String organizationId) {
        if (deleted || !(system || Objects.equals(this.organizationId, organizationId))) {
            throw notFound();
        }
    }

    /** Refuses unless this is a live custom role of {@code organizationId}. */
    void requireChangeableIn(String organizationId) {
        if (deleted || !system && !Objects.equals(this.organizationId, organizationId)) {
            throw notFound();
        }
        if (system) {
            throw new DomainException(AccessErrorCode.SYSTEM_ROLE_IMMUTABLE,
                    "The system role '" + name + "' cannot be changed; create a custom role instead");
        }
    }

    String name() {
        return name;
    }

    String organizationId() {
        return organizationId;
    }

    private DomainException notFound() {
        return IdKind.ROLE.notFound(roleId);
    }

    private static java.util.List<String> sorted(Set<String> values) {
        return java.util.List.copyOf(new TreeSet<>(values));
    }

    @EventSourcingHandler
    void on(RoleCreatedEvent event) {
        roleId = event.roleId();
        organizationId = event.organizationId();
        name = event.name();
        system = event.system();
        permissions = new HashSet<>(event.permissions());
    }

    @EventSourcingHandler
    void on(RoleRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(PermissionGrantedEvent event) {
        permissions.add(event.permission());
    }

    @EventSourcingHandler
    void on(PermissionRevokedEvent event) {
        permissions.remove(event.permission());
    }

    @EventSourcingHandler
    void on(RoleDeletedEvent event) {
        deleted = true;
    }
}
