package dev.warden.command.access;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.Permissions;
import dev.warden.events.shared.DomainException;
import java.util.Set;
import java.util.TreeSet;

/** The rules a role's name, description and permissions must follow. */
final class RoleRules {

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private RoleRules() {
    }

    static void requireValidName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(AccessErrorCode.INVALID_ROLE_NAME,
                    "A role name has 1 to " + MAX_NAME_LENGTH + " printable characters");
        }
    }

    static String description(String description) {
        String stripped = description == null ? "" : description.strip();
        if (stripped.length() > MAX_DESCRIPTION_LENGTH
                || stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException(AccessErrorCode.INVALID_ROLE_DESCRIPTION, "A role description has at most "
                    + MAX_DESCRIPTION_LENGTH + " characters, and no control characters but line breaks and tabs");
        }
        return stripped;
    }

    static Set<String> requireKnown(Set<String> permissions) {
        Set<String> given = permissions == null ? Set.of() : permissions;
        Set<String> unknown = new TreeSet<>();
        for (String permission : given) {
            if (!Permissions.isKnown(permission)) {
                unknown.add(String.valueOf(permission));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(AccessErrorCode.UNKNOWN_PERMISSION,
                    "Not in the permission catalogue: " + String.join(", ", unknown));
        }
        return given;
    }
}
