package dev.warden.events.access;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.Text;

/** Why the access context refused a command. */
public enum AccessErrorCode implements ErrorCode {
    ROLE_NOT_FOUND(Kind.NOT_FOUND),
    ROLE_NAME_TAKEN(Kind.CONFLICT),
    ROLE_IN_USE(Kind.CONFLICT),
    SYSTEM_ROLE_IMMUTABLE(Kind.RULE_BROKEN),
    UNKNOWN_PERMISSION(Kind.RULE_BROKEN),
    NOT_A_MEMBER(Kind.RULE_BROKEN),
    INVALID_ROLE_NAME(Kind.INVALID),
    INVALID_ROLE_DESCRIPTION(Kind.INVALID),
    INVALID_TEXT(Kind.INVALID),
    ACCESS_REQUEST_NOT_FOUND(Kind.NOT_FOUND),
    ACCESS_REQUEST_CLOSED(Kind.CONFLICT),
    ROLE_ALREADY_HELD(Kind.CONFLICT),
    OWN_REQUEST(Kind.RULE_BROKEN),
    NOT_REQUESTER(Kind.FORBIDDEN),
    PERMISSION_DENIED(Kind.FORBIDDEN),
    ESCALATION(Kind.FORBIDDEN);

    private final Kind kind;

    /** The refusal for a role that does not exist or belongs to another organization: the two look alike. */
    public static DomainException roleNotFound(String roleId) {
        return new DomainException(ROLE_NOT_FOUND, "No role " + Text.excerpt(roleId) + " in this organization");
    }

    /** The refusal for an access request that does not exist or belongs to another organization. */
    public static DomainException accessRequestNotFound(String requestId) {
        return new DomainException(ACCESS_REQUEST_NOT_FOUND, "No access request " + Text.excerpt(requestId));
    }

    AccessErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
