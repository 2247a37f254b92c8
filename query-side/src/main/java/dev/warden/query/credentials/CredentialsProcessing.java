package dev.warden.query.credentials;

/** The processing group of the credentials context's projections. */
public final class CredentialsProcessing {

    /** One processor for credential types and credentials; their rows reference no other group's. */
    public static final String GROUP = "credentials";

    private CredentialsProcessing() {
    }
}
