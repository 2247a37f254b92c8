package dev.warden.app.security;

import dev.warden.app.support.Json;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The governance queries for the tests that call every endpoint: their path variables (ids of nothing, the
 * same on every call, so a read of one answers 404 once its authorization passed; and version 1) and the dry
 * run's body (a new policy over the last hour, which answers 200 in any organization).
 */
record GovernanceReads(String serverId, String policyId, String sessionId, String decisionId, String approvalId) {

    /** Ids no organization has. */
    static GovernanceReads unknown() {
        return new GovernanceReads(IdKind.MCP_SERVER.next(), IdKind.POLICY.next(), IdKind.AGENT_SESSION.next(),
                IdKind.DECISION.next(), IdKind.APPROVAL.next());
    }

    /** {@code path} with the governance variables it still holds filled in. */
    String fill(String path) {
        return path.replace("{serverId}", serverId)
                .replace("{policyId}", policyId)
                .replace("{version}", "1")
                .replace("{agentSessionId}", sessionId)
                .replace("{decisionId}", decisionId)
                .replace("{approvalId}", approvalId);
    }

    /** The body of a governance query ("METHOD /path/pattern"), or {@code null} when it takes none. */
    static Map<String, Object> body(String endpoint) {
        if (!endpoint.equals("POST /api/orgs/{orgId}/policies/dry-run")) {
            return null;
        }
        Instant now = Instant.now();
        return Json.object("priority", 1, "rules", List.of(Json.object("name", "deny-all", "effect", "deny")),
                "from", now.minusSeconds(3600).toString(), "to", now.toString());
    }
}
