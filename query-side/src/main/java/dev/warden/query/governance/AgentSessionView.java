package dev.warden.query.governance;

import java.time.Instant;

/**
 * An agent session: who acts in it (API key, user, AI system) through which server, whether it is
 * {@code open}, {@code terminated} or {@code closed} ({@code idle} when it timed out), and its decisions
 * counted: allowed (monitor-mode allows included), denied, alerted, and held for approval.
 */
public record AgentSessionView(String id, String organizationId, String mcpServerId, String agentName,
                               String apiKeyId, String userId, String aiSystemId, String status, boolean idle,
                               String endReason, long allowed, long denied, long alerted, long held,
                               Instant lastActivity, Instant openedAt, Instant endedAt, Instant updatedAt) {
}
