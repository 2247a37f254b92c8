package dev.warden.events.conversations;

import dev.warden.events.shared.ErrorCode;

/** Why the conversations context refused a command. Not-found codes come from the id kinds. */
public enum ConversationErrorCode implements ErrorCode {
    INVALID_CONVERSATION_TITLE(Kind.INVALID),
    INVALID_MESSAGE_ROLE(Kind.INVALID),
    INVALID_MESSAGE_CONTENT(Kind.INVALID),
    INVALID_MODEL(Kind.INVALID),
    INVALID_TOKEN_COUNT(Kind.INVALID),
    TOKENS_WITHOUT_MODEL(Kind.INVALID),
    INVALID_TOOL_NAME(Kind.INVALID),
    INVALID_TOOL_ARGUMENTS(Kind.INVALID),
    INVALID_TEXT(Kind.INVALID),
    /** A message with role {@code user} comes from a signed-in user, never from an API key. */
    USER_MESSAGE_NEEDS_A_USER(Kind.RULE_BROKEN),
    /** Only an assistant message proposes a tool call. */
    TOOL_CALL_NOT_FROM_ASSISTANT(Kind.RULE_BROKEN),
    /** The conversation is archived: nothing is posted, renamed or decided in it until it is restored. */
    CONVERSATION_ARCHIVED(Kind.CONFLICT),
    /** The tool call was approved or rejected already; it is decided once. */
    TOOL_CALL_DECIDED(Kind.CONFLICT),
    /** The tool call's time to be decided is over. */
    TOOL_CALL_EXPIRED(Kind.CONFLICT);

    private final Kind kind;

    ConversationErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
