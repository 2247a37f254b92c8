package dev.warden.query.conversations;

/** The processing group of the conversations context's projections. */
public final class ConversationProcessing {

    /** One processor feeds conversations and their messages, so a conversation exists before its messages. */
    public static final String GROUP = "conversations";

    private ConversationProcessing() {
    }
}
