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
            } else if (current instanceof List<?> list) {
                int index = index(token);
                if (index < 0 || index >= list.size()) {
                    return null;
                }
                current = list.get(index);
            } else {
                return null;
            }
        }
        return new Found(current);
    }

    /** An array index per RFC 6901 ({@code 0} or digits without a leading zero), or -1 when the token is none. */
    private static int index(String token) {
        if (token.isEmpty() || token.length() > 9 || token.length() > 1 && token.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    /** Whether {@code pointer} is an RFC 6901 pointer: empty, or {@code /} tokens with {@code ~} only in ~0 and ~1. */
    static boolean valid(String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        if (pointer.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~' && (i + 1 == pointer.length()
                    || pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1')) {
                return false;
            }
        }
        return true;
    }
}
