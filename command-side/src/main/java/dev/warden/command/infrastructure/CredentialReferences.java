package dev.warden.command.infrastructure;

/**
 * What a sensitive workspace variable's reference is checked against: whether the organization has
 * the credential and its secret can still be used. The infrastructure context owns this question;
 * the credentials context answers it, so infrastructure never names credentials. The reference only
 * names the credential: no secret is ever copied into a workspace.
 */
public interface CredentialReferences {

    /** Whether {@code organizationId} has credential {@code credentialId} and its secret is not erased. */
    boolean usable(String organizationId, String credentialId);
}
