package dev.warden.events.access;

import dev.warden.events.shared.ErrorCode;

/** Why the access context refused a command. */
public enum AccessErrorCode implements ErrorCode {
    ROLE_NAME_TAKEN(Kind.CONFLICT),
    ROLE_IN_USE(Kind.CONFLICT),
    SYSTEM_ROLE_IMMUTABLE(Kind.RULE_BROKEN),
    UNKNOWN_PERMISSION(Kind.RULE_BROKEN),
    NOT_A_MEMBER(Kind.RULE_BROKEN),
    INVALID_ROLE_NAME(Kind.INVALID),
    INVALID_ROLE_DESCRIPTION(Kind.INVALID),
    INVALID_TEXT(Kind.INVALID),
    ACCESS_REQUEST_CLOSED(Kind.CONFLICT),
    ROLE_ALREADY_HELD(Kind.CONFLICT),
    OWN_REQUEST(Kind.RULE_BROKEN),
    NOT_REQUESTER(Kind.FORBIDDEN);

    private final Kind kind;

    AccessErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
