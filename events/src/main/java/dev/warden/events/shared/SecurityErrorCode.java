package dev.warden.events.shared;

/**
 * Why the checks every context shares refused a request: who is calling, whether they may call
 * this endpoint, and whether they give away more than they hold. They name no context.
 */
public enum SecurityErrorCode implements ErrorCode {
    /** No valid credential came with the request. */
    AUTHENTICATION_REQUIRED(Kind.UNAUTHENTICATED),
    /** A member (or key) without the permission the endpoint declares. */
    PERMISSION_DENIED(Kind.FORBIDDEN),
    /** An API key on an endpoint that acts for a person. */
    USERS_ONLY(Kind.FORBIDDEN),
    /** Anyone but an operator on an account-wide action. */
    OPERATORS_ONLY(Kind.FORBIDDEN),
    /** Giving away a permission one does not hold. */
    ESCALATION(Kind.FORBIDDEN);

    private final Kind kind;

    SecurityErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The refusal of an API key on an endpoint that acts for a person. */
    public static DomainException usersOnly() {
        return new DomainException(USERS_ONLY, "Only a signed-in user can do this, not an API key");
    }

    /** The refusal of an account-wide action to anyone but an operator. */
    public static DomainException operatorsOnly() {
        return new DomainException(OPERATORS_ONLY,
                "Only an operator can do this: it affects the account in every organization");
    }

    /** Refusal of an action on an account by anyone but its own user or an operator. */
    public static DomainException selfOrOperatorOnly() {
        return new DomainException(OPERATORS_ONLY, "Only the user themself or an operator can do this");
    }
}
