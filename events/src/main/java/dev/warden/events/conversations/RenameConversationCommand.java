package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives an active conversation a new title; the same title again stores nothing. */
public record RenameConversationCommand(@TargetAggregateIdentifier String conversationId,
                                        String organizationId,
                                        String title) implements OrganizationScoped {
}
