package dev.warden.events.conversations;

import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An assistant message proposed a tool call; it waits for a member's decision until {@code expiresAt}.
 */
@Revision("1")
public record ToolCallProposedEvent(String conversationId,
                                    String organizationId,
                                    String toolCallId,
                                    String messageId,
                                    String toolName,
                                    Map<String, Object> arguments,
                                    Instant expiresAt) {
}
