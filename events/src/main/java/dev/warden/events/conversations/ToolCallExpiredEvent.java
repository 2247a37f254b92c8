package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A tool call lapsed undecided. */
@Revision("1")
public record ToolCallExpiredEvent(String conversationId,
                                   String organizationId,
                                   String toolCallId,
                                   String toolName) {
}
