package dev.warden.query.conversations;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A tool call an assistant proposed: the tool, its arguments (a JSON object), and its {@code status}:
 * {@code pending} until {@code expiresAt}, then {@code approved}, {@code rejected} or {@code expired},
 * with who decided (the system for an expiry), why and when.
 */
public record ToolCallView(String id, String organizationId, String conversationId, String messageId,
                           String toolName, @JsonRawValue String arguments, String status, Instant expiresAt,
                           String proposedBy, String decidedBy, String decisionReason, Instant decidedAt,
                           Instant createdAt) {
}
