package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the service at a tool call's expiry: marks it expired if it is still pending then. A tool
 * call decided meanwhile stays as decided.
 */
public record ExpireToolCallCommand(@TargetAggregateIdentifier String conversationId,
                                    String organizationId,
                                    String toolCallId) implements OrganizationScoped {
}
