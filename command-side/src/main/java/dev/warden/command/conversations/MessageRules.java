package dev.warden.command.conversations;

import dev.warden.events.conversations.ConversationErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.Set;
import java.util.regex.Pattern;

/** The input rules of conversations: titles, message content, roles, models, token counts, tool names, reasons. */
final class MessageRules {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_CONTENT_LENGTH = 100_000;
    static final int MAX_MODEL_LENGTH = 100;
    static final int MAX_REASON_LENGTH = 1000;
    /** The most tokens one message may report per kind: far above any model's window, far below the columns' range. */
    static final long MAX_TOKENS = 1_000_000_000L;
    static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");

    private static final TextRule TITLE =
            TextRule.line(ConversationErrorCode.INVALID_CONVERSATION_TITLE, "A conversation title", MAX_TITLE_LENGTH);
    private static final TextRule MODEL =
            new TextRule(ConversationErrorCode.INVALID_MODEL, "A model name", MAX_MODEL_LENGTH, true, false);
    private static final TextRule REASON =
            TextRule.paragraph(ConversationErrorCode.INVALID_TEXT, "A reason", MAX_REASON_LENGTH);
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_./-]{1,128}");

    private MessageRules() {
    }

    static String title(String raw) {
        return TITLE.check(raw);
    }

    static String role(String raw) {
        if (raw == null || !ROLES.contains(raw)) {
            throw new DomainException(ConversationErrorCode.INVALID_MESSAGE_ROLE,
                    "A message's role is one of assistant, system, tool, user");
        }
        return raw;
    }

    /** The model, or {@code null} when none is named. */
    static String model(String raw) {
        String model = MODEL.check(raw);
        return model.isEmpty() ? null : model;
    }

    /** The reason of a decision, or {@code null} when none is given. */
    static String reason(String raw) {
        String reason = REASON.check(raw);
        return reason.isEmpty() ? null : reason;
    }

    /**
     * The content as sent (not stripped: whitespace may matter in code). It may hold any text but
     * U+0000 and lone surrogates, which no column can store; empty only when {@code mayBeEmpty}.
     */
    static String content(String raw, boolean mayBeEmpty) {
        String content = raw == null ? "" : raw;
        if (content.isBlank()) {
            if (mayBeEmpty) {
                return "";
            }
            throw new DomainException(ConversationErrorCode.INVALID_MESSAGE_CONTENT,
                    "A message's content is required (1 to " + MAX_CONTENT_LENGTH + " characters)");
        }
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new DomainException(ConversationErrorCode.INVALID_MESSAGE_CONTENT,
                    "A message's content has at most " + MAX_CONTENT_LENGTH + " characters");
        }
        if (content.indexOf('\u0000') >= 0 || Text.hasLoneSurrogate(content)) {
            throw new DomainException(ConversationErrorCode.INVALID_MESSAGE_CONTENT,
                    "A message's content contains U+0000 or a lone surrogate, which cannot be stored");
        }
        return content;
    }

    /** Refuses a negative or absurd count; {@code null} (not reported) passes. */
    static Long tokens(String what, Long count) {
        if (count != null && (count < 0 || count > MAX_TOKENS)) {
            throw new DomainException(ConversationErrorCode.INVALID_TOKEN_COUNT,
                    what + " is a count from 0 to " + MAX_TOKENS);
        }
        return count;
    }

    static String toolName(String raw) {
        if (raw == null || !TOOL_NAME.matcher(raw).matches()) {
            throw new DomainException(ConversationErrorCode.INVALID_TOOL_NAME,
                    "A tool name has 1 to 128 of the characters A-Z a-z 0-9 _ - . /");
        }
        return raw;
    }
}
