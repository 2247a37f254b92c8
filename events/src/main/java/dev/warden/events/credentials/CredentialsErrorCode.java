package dev.warden.events.credentials;

import dev.warden.events.shared.ErrorCode;

/**
 * Why a credentials command was refused. A missing type or credential is its id kind's not-found
 * code ({@code CREDENTIAL_TYPE_NOT_FOUND}, {@code CREDENTIAL_NOT_FOUND}, {@code APP_CREDENTIAL_NOT_FOUND}).
 */
public enum CredentialsErrorCode implements ErrorCode {
    INVALID_CREDENTIAL_TYPE_NAME(Kind.INVALID),
    INVALID_CREDENTIAL_DESCRIPTION(Kind.INVALID),
    INVALID_CREDENTIAL_NAME(Kind.INVALID),
    /** The provider is not one of aws, azure, gcp. */
    INVALID_PROVIDER(Kind.INVALID),
    /** A field definition of a type is wrong: its name, a duplicate, a pattern that does not compile, no secret field. */
    INVALID_FIELD_DEFINITION(Kind.INVALID),
    /** A value does not fit its type: an unknown field, a missing required one, a pattern not matched, too long. */
    INVALID_CREDENTIAL_VALUE(Kind.INVALID),
    /** A cloud credential's provider is not its type's. */
    PROVIDER_MISMATCH(Kind.INVALID),
    /** Another type of the organization has this name, ignoring case. */
    CREDENTIAL_TYPE_NAME_TAKEN(Kind.CONFLICT),
    /** The credential is revoked: it is not rotated or revealed any more. */
    CREDENTIAL_REVOKED(Kind.CONFLICT),
    /** The credential's secret was erased (its data key destroyed): nothing can reveal or rotate it again. */
    SECRET_ERASED(Kind.GONE),
    /** A stored ciphertext did not decrypt (changed, or not this credential's): nothing is answered. */
    CIPHERTEXT_REFUSED(Kind.CONFLICT);

    private final Kind kind;

    CredentialsErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
