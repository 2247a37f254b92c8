package dev.warden.events.conversations;

import dev.warden.events.shared.OrganizationScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Posts a message to an active conversation. {@code role} is {@code user}, {@code assistant},
 * {@code system} or {@code tool}. A {@code user} message needs {@code authorId}, the signed-in user
 * posting it; the other roles may come from an API key (an AI runner), and carry no author.
 * Token counts are not negative and need the {@code model} that spent them. {@code content} may be
 * empty only for an assistant message that proposes a {@code toolCall}.
 */
public record PostMessageCommand(@TargetAggregateIdentifier String conversationId,
                                 String organizationId,
                                 String messageId,
                                 String role,
                                 String authorId,
                                 String content,
                                 String model,
                                 Long inputTokens,
                                 Long outputTokens,
                                 Long cachedTokens,
                                 ToolCallProposal toolCall) implements OrganizationScoped {
}
