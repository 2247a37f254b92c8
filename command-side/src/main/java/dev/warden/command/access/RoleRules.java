package dev.warden.command.access;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.Permissions;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules a role's name, description and permissions must follow, and the uniqueness scopes of
 * role names: one per organization for its custom roles, one for the system roles.
 */
final class RoleRules {

    /** The uniqueness scope of system role names. */
    static final String SYSTEM_ROLE_SCOPE = "role-name:system";
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final TextRule NAME = TextRule.line(AccessErrorCode.INVALID_ROLE_NAME, "A role name",
            MAX_NAME_LENGTH);
    private static final TextRule DESCRIPTION = TextRule.paragraph(AccessErrorCode.INVALID_ROLE_DESCRIPTION,
            "A role description", MAX_DESCRIPTION_LENGTH);

    private RoleRules() {
    }

    /** The uniqueness key of a role name, the same for names that differ only in case. */
    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The uniqueness scope of the custom role names of {@code organizationId}. */
    static String orgScope(String organizationId) {
        return "role-name:" + organizationId;
    }

    static DomainException nameTaken(String name) {
        return new DomainException(AccessErrorCode.ROLE_NAME_TAKEN, "A role named '" + name.strip() + "' exists already");
    }

    static void requireValidName(String name) {
        NAME.check(name);
    }

    static String description(String description) {
        return DESCRIPTION.check(description);
    }

    static Set<String> requireKnown(Set<String> permissions) {
        Set<String> given = permissions == null ? Set.of() : permissions;
        Set<String> unknown = new TreeSet<>();
        for (String permission : given) {
            if (!Permissions.isKnown(permission)) {
                unknown.add(Text.excerpt(permission));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(AccessErrorCode.UNKNOWN_PERMISSION,
                    "Not in the permission catalogue: " + String.join(", ", unknown));
        }
        return given;
    }
}
