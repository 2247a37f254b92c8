package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member with {@code conversations:approve} rejects a pending tool call, with an optional reason.
 * A tool call is decided once: a second decision, or one after it expired, is refused.
 */
public record RejectToolCallCommand(@TargetAggregateIdentifier String conversationId,
                                    String organizationId,
                                    String toolCallId,
                                    String deciderId,
                                    String reason) implements OrganizationScoped {
}
