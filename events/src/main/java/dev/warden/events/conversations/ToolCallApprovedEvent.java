package dev.warden.events.conversations;

import org.axonframework.serialization.Revision;

/** A tool call was approved; the approver is the event's actor. */
@Revision("1")
public record ToolCallApprovedEvent(String conversationId,
                                    String organizationId,
                                    String toolCallId,
                                    String toolName,
                                    String reason) {
}
