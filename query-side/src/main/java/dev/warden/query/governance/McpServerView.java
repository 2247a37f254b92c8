package dev.warden.query.governance;

import java.time.Instant;
import java.util.Map;

/**
 * An MCP server as the API shows it: how it is reached (its credential by reference, never a secret), its
 * labels and its state: {@code active}, {@code suspended} (every decision for it is deny) or {@code deregistered}.
 */
public record McpServerView(String id, String organizationId, String name, String transport, String url,
                            String command, String credentialId, Map<String, String> labels, String status,
                            String suspensionReason, Instant suspendedAt, Instant deregisteredAt, String registeredBy,
                            Instant createdAt, Instant updatedAt) {
}
