package dev.warden.events.identity;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.Text;

/** Why the identity context refused a command. */
public enum IdentityErrorCode implements ErrorCode {
    USER_NOT_FOUND(Kind.NOT_FOUND),
    MEMBER_NOT_FOUND(Kind.NOT_FOUND),
    ORGANIZATION_NOT_FOUND(Kind.NOT_FOUND),
    EMAIL_TAKEN(Kind.CONFLICT),
    ALREADY_MEMBER(Kind.CONFLICT),
    INVALID_EMAIL(Kind.INVALID),
    INVALID_NAME(Kind.INVALID),
    INVALID_PASSWORD(Kind.INVALID),
    INVALID_PROVIDER(Kind.INVALID),
    INVALID_API_KEY(Kind.INVALID),
    ACCOUNT_TAKEN(Kind.CONFLICT),
    ACCOUNT_NOT_FOUND(Kind.NOT_FOUND),
    SESSION_NOT_FOUND(Kind.NOT_FOUND),
    API_KEY_NOT_FOUND(Kind.NOT_FOUND),
    LAST_ADMIN(Kind.RULE_BROKEN),
    LAST_SIGN_IN_METHOD(Kind.RULE_BROKEN),
    CURRENT_PASSWORD_WRONG(Kind.RULE_BROKEN),
    TOTP_NOT_ENROLLED(Kind.RULE_BROKEN),
    TOTP_ALREADY_ENABLED(Kind.CONFLICT),
    INVALID_TOTP_CODE(Kind.RULE_BROKEN),
    ALREADY_BOOTSTRAPPED(Kind.CONFLICT),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED),
    SECOND_FACTOR_REQUIRED(Kind.UNAUTHENTICATED),
    AUTHENTICATION_REQUIRED(Kind.UNAUTHENTICATED),
    USERS_ONLY(Kind.FORBIDDEN),
    OPERATORS_ONLY(Kind.FORBIDDEN),
    OWN_OPERATOR_ROLE(Kind.RULE_BROKEN),
    INVITATION_NOT_FOUND(Kind.NOT_FOUND),
    INVITATION_CLOSED(Kind.RULE_BROKEN),
    TOO_MANY_ATTEMPTS(Kind.THROTTLED);

    private final Kind kind;

    public static DomainException userNotFound(String userId) {
        return new DomainException(USER_NOT_FOUND, "No user " + Text.excerpt(userId));
    }

    public static DomainException organizationNotFound(String organizationId) {
        return new DomainException(ORGANIZATION_NOT_FOUND, "No organization " + Text.excerpt(organizationId));
    }

    public static DomainException sessionNotFound(String sessionId) {
        return new DomainException(SESSION_NOT_FOUND, "No session " + Text.excerpt(sessionId));
    }

    public static DomainException apiKeyNotFound(String keyId) {
        return new DomainException(API_KEY_NOT_FOUND, "No API key " + Text.excerpt(keyId));
    }

    public static DomainException accountNotFound(String accountId) {
        return new DomainException(ACCOUNT_NOT_FOUND, "No linked account " + Text.excerpt(accountId));
    }

    /** The refusal of an API key on an endpoint that acts for a person. */
    public static DomainException usersOnly() {
        return new DomainException(USERS_ONLY, "Only a signed-in user can do this, not an API key");
    }

    public static DomainException invitationNotFound(String invitationId) {
        return new DomainException(INVITATION_NOT_FOUND, "No invitation " + invitationId + " for you");
    }

    /** The refusal of an account-wide action to anyone but an operator. */
    public static DomainException operatorsOnly() {
        return new DomainException(OPERATORS_ONLY,
                "Only an operator can do this: it affects the account in every organization");
    }

    public static DomainException memberNotFound(String userId) {
        return new DomainException(MEMBER_NOT_FOUND, "No member " + Text.excerpt(userId) + " in this organization");
    }

    IdentityErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
