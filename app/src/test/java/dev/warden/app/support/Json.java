package dev.warden.app.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies for the API under test, written by Jackson: a value with quotes, backslashes or
 * control characters is escaped, never pasted into the text. Only tests that send malformed or
 * unusual JSON on purpose write the text themselves (see {@link Api#postRaw}).
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /**
     * A JSON object with the members {@code name, value, name, value, ...} in that order. Values are
     * anything Jackson writes: strings, numbers, booleans, {@code null}, lists, maps, records. The map
     * is mutable, so a test can add an optional member; a name given twice is a mistake and throws.
     */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("member name expected at " + i + ": " + namesAndValues[i]);
            }
            if (members.containsKey(name)) {
                throw new IllegalArgumentException("member " + name + " given twice");
            }
            members.put(name, namesAndValues[i + 1]);
        }
        return members;
    }

    /** {@code body} as JSON text, for a test that sends it in some other encoding or over a raw socket. */
    public static String text(Object body) {
        return new String(bytes(body), StandardCharsets.UTF_8);
    }

    /**
     * {@code body} as UTF-8 JSON. A lone surrogate in a string is written as its backslash-u escape
     * (six characters), so tests of such text can hold it in a plain Java string.
     */
    static byte[] bytes(Object body) {
        if (body instanceof CharSequence) {
            throw new IllegalArgumentException("a string body would be sent as a JSON string: build the body "
                    + "with Json.object, or send raw text with the *Raw methods");
        }
        return MAPPER.writeValueAsBytes(body);
    }

    /** Parses a response body. */
    static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }
}
