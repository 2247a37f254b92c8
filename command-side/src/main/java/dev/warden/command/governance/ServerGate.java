package dev.warden.command.governance;

import java.util.Set;

/**
 * What a decision needs to know of an MCP server, read in the command's transaction (the aggregate
 * cache checked against the log): whether it is active and which of its tools are held.
 */
public interface ServerGate {

    /** A server's standing; {@code pinned} are the callable tools, {@code held} those waiting for approval. */
    record ServerState(String mcpServerId, String organizationId, Status status, Set<String> pinned, Set<String> held) {

        /** Why the server takes no calls at all, as a decision says it; {@code null} while it is active. */
        public String refusal() {
            return switch (status) {
                case ACTIVE -> null;
                case SUSPENDED -> "Denied: MCP server " + mcpServerId + " is suspended";
                case DEREGISTERED -> "Denied: MCP server " + mcpServerId + " is deregistered";
            };
        }
    }

    enum Status { ACTIVE, SUSPENDED, DEREGISTERED }

    /** The server's state; a missing server, or another organization's, is refused with MCP_SERVER_NOT_FOUND. */
    ServerState state(String organizationId, String mcpServerId);
}
