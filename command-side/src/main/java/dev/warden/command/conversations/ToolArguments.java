package dev.warden.command.conversations;

import dev.warden.events.conversations.ConversationErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a proposed tool call: a JSON object of plain JSON values (text, numbers, true and
 * false, null, lists and objects), at most {@value #MAX_DEPTH} levels deep and {@value #MAX_VALUES}
 * values in all. Text may hold anything but U+0000 and lone surrogates, which the log (jsonb)
 * cannot store.
 */
final class ToolArguments {

    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 10_000;

    private int values;

    private ToolArguments() {
    }

    /** A copy of {@code arguments} in their order (empty when absent), or a refusal saying what is wrong. */
    static Map<String, Object> check(Map<String, Object> arguments) {
        if (arguments == null) {
            return Map.of();
        }
        return new ToolArguments().object(arguments, 1);
    }

    private Map<String, Object> object(Map<?, ?> object, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw refused("have a key that is not text");
            }
            copy.put(text(key), value(entry.getValue(), depth));
        }
        return Collections.unmodifiableMap(copy);
    }

    private Object value(Object value, int depth) {
        if (++values > MAX_VALUES) {
            throw refused("hold more than " + MAX_VALUES + " values");
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (depth >= MAX_DEPTH) {
                throw refused("nest deeper than " + MAX_DEPTH + " levels");
            }
        }
        if (value instanceof Map<?, ?> map) {
            return object(map, depth + 1);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(value(element, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        throw refused("hold a value that is not JSON");
    }

    private static String text(String text) {
        if (text.indexOf('\u0000') >= 0 || Text.hasLoneSurrogate(text)) {
            throw refused("contain U+0000 or a lone surrogate, which cannot be stored");
        }
        return text;
    }

    private static DomainException refused(String what) {
        return new DomainException(ConversationErrorCode.INVALID_TOOL_ARGUMENTS, "A tool call's arguments " + what);
    }
}
