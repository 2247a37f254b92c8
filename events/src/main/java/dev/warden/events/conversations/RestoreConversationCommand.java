package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Brings an archived conversation back; restoring an active one stores nothing. */
public record RestoreConversationCommand(@TargetAggregateIdentifier String conversationId,
                                         String organizationId) implements OrganizationScoped {
}
