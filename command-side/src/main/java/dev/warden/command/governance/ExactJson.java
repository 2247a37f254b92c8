package dev.warden.command.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON read with its numbers as written: decimals as {@code BigDecimal} (trailing zeros kept in trees,
 * so {@code 0.10} passed on stays {@code 0.10}), big integers as {@code BigInteger}. A tool call's
 * arguments are read so wherever they arrive (the MCP proxy, {@code POST .../decisions}): read as
 * doubles, {@code 9007199254740993.0} and {@code 9007199254740992.0} would share one hash, and an
 * approval of one would let the other through.
 */
public final class ExactJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ExactJson() {
    }

    /** {@code service}'s reading (its strictness kept) with numbers as written. */
    public static JsonMapper of(JsonMapper service) {
        return service.rebuild().enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /** A tool call's arguments, a tree read by an {@link #of exact} mapper, as plain values; none is the empty object. */
    public static Map<String, Object> arguments(JsonMapper exact, JsonNode arguments) {
        return arguments == null || arguments.isNull() ? Map.of() : exact.convertValue(arguments, OBJECT);
    }

    /**
     * Reads a request body's arguments object exactly, whatever the service's own reading does with
     * numbers: its tokens are taken as they come, decimals by their text, integers at their size.
     */
    public static final class Arguments extends ValueDeserializer<Map<String, Object>> {

        @Override
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.START_OBJECT)) {
                return context.reportInputMismatch(this, "A tool call's arguments are a JSON object");
            }
            return object(parser, context);
        }

        private Map<String, Object> object(JsonParser parser, DeserializationContext context) {
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.put(name, value(parser, context));
            }
            return object;
        }

        private Object value(JsonParser parser, DeserializationContext context) {
            return switch (parser.currentToken()) {
                case START_OBJECT -> object(parser, context);
                case START_ARRAY -> {
                    List<Object> array = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        array.add(value(parser, context));
                    }
                    yield array;
                }
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER_INT -> parser.getNumberValue();
                case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> context.reportInputMismatch(this, "A tool call's arguments hold a value that is not JSON");
            };
        }
    }
}
