package dev.warden.command.governance;

import java.util.Map;
import tools.jackson.core.JsonParser;
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

    /** Reads a request body's arguments object exactly, whatever the service's own reading does with numbers. */
    public static final class Arguments extends ValueDeserializer<Map<String, Object>> {

        private static final JsonMapper EXACT = of(JsonMapper.builder().build());

        @Override
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) {
            return EXACT.readValue(parser, OBJECT);
        }
    }
}
