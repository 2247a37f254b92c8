package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member with {@code conversations:write} starts a conversation with a title (1 to 200 characters,
 * one line), optionally about a project ({@code prj_}) and/or a workspace ({@code wks_}). Those ids
 * are checked for their shape only: projects and workspaces are the infrastructure context's.
 */
public record StartConversationCommand(@TargetAggregateIdentifier String conversationId,
                                       String organizationId,
                                       String startedBy,
                                       String title,
                                       String projectId,
                                       String workspaceId) implements OrganizationScoped {
}
