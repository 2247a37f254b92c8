package dev.warden.command.governance;

/**
 * Where the MCP proxy reaches a registered server: its transport, URL and the credential it
 * authenticates with, if any. Read from the server's aggregate in the caller's transaction.
 */
public interface ServerAddresses {

    /** A server's address; {@code credentialId} may be null. */
    record Upstream(String mcpServerId, String organizationId, String transport, String url, String credentialId) {
    }

    /** The server's address; a missing server, or another organization's, is refused with MCP_SERVER_NOT_FOUND. */
    Upstream upstream(String organizationId, String mcpServerId);
}
