package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A tool call was rejected; the member who rejected it is the event's actor. */
@Revision("1")
public record ToolCallRejectedEvent(String conversationId,
                                    String organizationId,
                                    String toolCallId,
                                    String toolName,
                                    String reason) {
}
