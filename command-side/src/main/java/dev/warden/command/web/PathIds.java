package dev.warden.command.web;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;

/** Identifiers in a path that are not of the right shape name nothing: they answer 404 at once. */
public final class PathIds {

    private PathIds() {
    }

    public static void organization(String id) {
        if (!IdKind.ORGANIZATION.matches(id)) {
            throw new DomainException(IdentityErrorCode.ORGANIZATION_NOT_FOUND, "No organization " + id);
        }
    }

    public static void user(String id) {
        if (!IdKind.USER.matches(id)) {
            throw new DomainException(IdentityErrorCode.USER_NOT_FOUND, "No user " + id);
        }
    }

    public static void role(String id) {
        if (!IdKind.ROLE.matches(id)) {
            throw new DomainException(AccessErrorCode.ROLE_NOT_FOUND, "No role " + id + " in this organization");
        }
    }
}
