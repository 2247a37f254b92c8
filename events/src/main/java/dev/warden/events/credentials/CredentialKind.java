package dev.warden.events.credentials;

/**
 * The two kinds of credential: a cloud provider's ({@code cred_}, for aws, azure or gcp, of a type of
 * that provider) and an app's ({@code appc_}, of any type, an organization's own included).
 */
public enum CredentialKind {
    CLOUD, APP
}
