package dev.warden.command.web;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.IdKind;

/** Identifiers in a path that are not of the right shape name nothing: they answer 404 at once. */
public final class PathIds {

    private PathIds() {
    }

    public static void organization(String id) {
        if (!IdKind.ORGANIZATION.matches(id)) {
            throw IdentityErrorCode.organizationNotFound(id);
        }
    }

    public static void user(String id) {
        if (!IdKind.USER.matches(id)) {
            throw IdentityErrorCode.userNotFound(id);
        }
    }

    public static void session(String id) {
        if (!IdKind.SESSION.matches(id)) {
            throw IdentityErrorCode.sessionNotFound(id);
        }
    }

    public static void apiKey(String id) {
        if (!IdKind.API_KEY.matches(id)) {
            throw IdentityErrorCode.apiKeyNotFound(id);
        }
    }

    public static void account(String id) {
        if (!IdKind.ACCOUNT.matches(id)) {
            throw IdentityErrorCode.accountNotFound(id);
        }
    }

    public static void invitation(String id) {
        if (!IdKind.INVITATION.matches(id)) {
            throw IdentityErrorCode.invitationNotFound(id);
        }
    }

    public static void accessRequest(String id) {
        if (!IdKind.ACCESS_REQUEST.matches(id)) {
            throw AccessErrorCode.accessRequestNotFound(id);
        }
    }

    public static void role(String id) {
        if (!IdKind.ROLE.matches(id)) {
            throw AccessErrorCode.roleNotFound(id);
        }
    }
}
