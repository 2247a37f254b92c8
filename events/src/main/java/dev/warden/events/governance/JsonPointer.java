package dev.warden.events.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 6901 pointers into arguments parsed as maps, lists and scalars. */
final class JsonPointer {

    /** A value found at a pointer; {@code value} may be null (a JSON null is there). */
    record Found(Object value) {
    }

    private JsonPointer() {
    }

    /** The reference tokens of a checked pointer, unescaped. */
    static List<String> parse(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    /** What is at {@code path} in {@code document}, or null when nothing is. */
    static Found find(Object document, List<String> path) {
        Object current = document;
        for (String token : path) {
            if (current instanceof Map<?, ?> map) {
                if (!map.containsKey(token)) {
                    return null;
                }
                current = map.get(token);
            } else if (current instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
                int index = Integer.parseInt(token);
                if (index >= list.size()) {
                    return null;
                }
                current = list.get(index);
            } else {
                return null;
            }
        }
        return new Found(current);
    }
}
