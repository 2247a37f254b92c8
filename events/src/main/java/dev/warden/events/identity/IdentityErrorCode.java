package dev.warden.events.identity;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;

/** Why the identity context refused a command. */
public enum IdentityErrorCode implements ErrorCode {
    USER_NOT_FOUND(Kind.NOT_FOUND),
    MEMBER_NOT_FOUND(Kind.NOT_FOUND),
    ORGANIZATION_NOT_FOUND(Kind.NOT_FOUND),
    EMAIL_TAKEN(Kind.CONFLICT),
    ALREADY_MEMBER(Kind.CONFLICT),
    INVALID_EMAIL(Kind.INVALID),
    INVALID_NAME(Kind.INVALID);

    private final Kind kind;

    public static DomainException userNotFound(String userId) {
        return new DomainException(USER_NOT_FOUND, "No user " + userId);
    }

    public static DomainException organizationNotFound(String organizationId) {
        return new DomainException(ORGANIZATION_NOT_FOUND, "No organization " + organizationId);
    }

    public static DomainException memberNotFound(String userId) {
        return new DomainException(MEMBER_NOT_FOUND, "No member " + userId + " in this organization");
    }

    IdentityErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
