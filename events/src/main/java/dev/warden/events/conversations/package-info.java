/**
 * AI chat: conversations of an organization, their messages with the model and token usage of each,
 * and the tool calls an assistant proposes, which a member approves or rejects before they expire.
 * A conversation may name a project or a workspace of the infrastructure context; only the shape of
 * those ids is checked, since they belong to another context's aggregates.
 */
package dev.warden.events.conversations;
