package dev.warden.command.access;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.Permissions;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.Set;
import java.util.TreeSet;

/** The rules a role's name, description and permissions must follow. */
final class RoleRules {

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 500;
    private static final TextRule NAME = TextRule.line(AccessErrorCode.INVALID_ROLE_NAME, "A role name",
            MAX_NAME_LENGTH);
    private static final TextRule DESCRIPTION = TextRule.paragraph(AccessErrorCode.INVALID_ROLE_DESCRIPTION,
            "A role description", MAX_DESCRIPTION_LENGTH);

    private RoleRules() {
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
