package dev.warden.query.conversations;

/** The tokens an organization's messages reported for one model, and how many messages named it. */
public record TokenTotalView(String model, long messages, long inputTokens, long outputTokens, long cachedTokens) {
}
