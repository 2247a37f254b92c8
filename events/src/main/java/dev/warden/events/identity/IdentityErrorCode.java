package dev.warden.events.identity;

import dev.warden.events.shared.ErrorCode;

/** Why the identity context refused a command. */
public enum IdentityErrorCode implements ErrorCode {
    EMAIL_TAKEN(Kind.CONFLICT),
    ALREADY_MEMBER(Kind.CONFLICT),
    INVALID_EMAIL(Kind.INVALID),
    INVALID_NAME(Kind.INVALID),
    INVALID_PASSWORD(Kind.INVALID),
    INVALID_PROVIDER(Kind.INVALID),
    INVALID_API_KEY(Kind.INVALID),
    ACCOUNT_TAKEN(Kind.CONFLICT),
    LAST_ADMIN(Kind.RULE_BROKEN),
    LAST_SIGN_IN_METHOD(Kind.RULE_BROKEN),
    CURRENT_PASSWORD_WRONG(Kind.RULE_BROKEN),
    TOTP_NOT_ENROLLED(Kind.RULE_BROKEN),
    TOTP_ALREADY_ENABLED(Kind.CONFLICT),
    INVALID_TOTP_CODE(Kind.RULE_BROKEN),
    ALREADY_BOOTSTRAPPED(Kind.CONFLICT),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
    SECOND_FACTOR_REQUIRED(Kind.UNAUTHENTICATED),
    OWN_OPERATOR_ROLE(Kind.RULE_BROKEN),
    INVITATION_CLOSED(Kind.RULE_BROKEN),
    USER_ERASED(Kind.CONFLICT),
    LAST_OPERATOR(Kind.CONFLICT),
    TOO_MANY_ATTEMPTS(Kind.THROTTLED);

    private final Kind kind;

    IdentityErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
