package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A signed-in member with {@code conversations:approve} rejects a pending tool call, with an optional
 * reason; the decider is the command's actor, recorded in the event's metadata. A tool call is decided
 * once: a second decision, or one after it expired, is refused.
 */
public record RejectToolCallCommand(@TargetAggregateIdentifier String conversationId,
                                    String organizationId,
                                    String toolCallId,
                                    String reason) implements OrganizationScoped {
}
