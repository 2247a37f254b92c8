package dev.warden.command.access;

import dev.warden.command.support.RequestContext;
import dev.warden.command.support.Seeder;
import dev.warden.command.support.UniqueNames;
import dev.warden.command.web.CommandSender;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.DefineSystemRoleCommand;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RegisterPermissionsCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds the permission catalogue and the default roles through commands, so they have events and
 * an audit trail like everything else. Commands that find everything in place store nothing, so
 * seeding again (a restart, {@code db seed}) appends no event.
 */
@Component
public class SystemSeeder implements Seeder {

    private static final Logger log = LoggerFactory.getLogger(SystemSeeder.class);

    private final CommandSender commands;
    private final UniqueNames names;

    SystemSeeder(CommandSender commands, UniqueNames names) {
        this.commands = commands;
        this.names = names;
    }

    @Override
    public int seed() {
        int changed = 0;
        try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("seed-" + UUID.randomUUID()))) {
            if (commands.send(new RegisterPermissionsCommand(Permissions.CATALOGUE_ID, Permissions.CATALOGUE))
                    .isPresent()) {
                changed++;
            }
            for (Permissions.DefaultRole role : Permissions.DEFAULT_ROLES) {
                if (defineRole(role)) {
                    changed++;
                }
            }
        }
        log.info("Seeding done: {} command(s) stored events", changed);
        return changed;
    }

    private boolean defineRole(Permissions.DefaultRole role) {
        String key = RoleRules.nameKey(role.name());
        try {
            String roleId = names.ownerOf(RoleRules.SYSTEM_ROLE_SCOPE, key).orElseGet(IdKind.ROLE::next);
            return send(roleId, role);
        } catch (DomainException e) {
            if (e.code() != AccessErrorCode.ROLE_NAME_TAKEN) {
                throw e;
            }
            // Another instance seeded the same role a moment ago: bring that one up to date instead.
            String roleId = names.ownerOf(RoleRules.SYSTEM_ROLE_SCOPE, key).orElseThrow(() -> e);
            return send(roleId, role);
        }
    }

    private boolean send(String roleId, Permissions.DefaultRole role) {
        return commands.send(new DefineSystemRoleCommand(roleId, role.name(), role.description(), role.permissions()))
                .isPresent();
    }
}
