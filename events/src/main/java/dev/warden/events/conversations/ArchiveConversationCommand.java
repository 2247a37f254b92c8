package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Archives a conversation: it stays readable, but refuses messages, renames and tool-call decisions
 * until it is restored. Archiving an archived conversation stores nothing.
 */
public record ArchiveConversationCommand(@TargetAggregateIdentifier String conversationId,
                                         String organizationId) implements OrganizationScoped {
}
