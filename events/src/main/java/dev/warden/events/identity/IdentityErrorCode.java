package dev.warden.events.identity;

import dev.warden.events.shared.ErrorCode;

/** Why the identity context refused a command. */
public enum IdentityErrorCode implements ErrorCode {
    USER_NOT_FOUND(Kind.NOT_FOUND),
    ORGANIZATION_NOT_FOUND(Kind.NOT_FOUND),
    EMAIL_TAKEN(Kind.CONFLICT),
    ALREADY_MEMBER(Kind.CONFLICT),
    INVALID_EMAIL(Kind.INVALID),
    INVALID_NAME(Kind.INVALID);

    private final Kind kind;

    IdentityErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
