package dev.warden.events.conversations;

import java.time.Instant;
import java.util.Map;

/**
 * A tool call an assistant message proposes: the tool's name (1 to 128 of {@code A-Z a-z 0-9 _ - . /}),
 * its arguments as a JSON object (empty when the tool takes none), and when the proposal lapses
 * undecided.
 */
public record ToolCallProposal(String toolCallId,
                               String toolName,
                               Map<String, Object> arguments,
                               Instant expiresAt) {
}
