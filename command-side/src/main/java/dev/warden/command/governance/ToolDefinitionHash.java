package dev.warden.command.governance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash a tool is pinned with: {@code sha256:} and the hex SHA-256 of the canonical JSON of
 * {@code {"description", "inputSchema", "name"}} as the server presents them. Canonical means keys
 * sorted at every depth, no whitespace, and a number written alike whatever way it was spelled
 * ({@code 1}, {@code 1.0} and {@code 1e0} are one value), so the same definition hashes the same
 * however a server or a client orders or spells its JSON, and any change of name, description or
 * schema gives another hash. Both the REST endpoint and the MCP proxy hash with this class.
 */
public final class ToolDefinitionHash {

    /** What every hash starts with. */
    public static final String PREFIX = "sha256:";

    private static final int MAX_INTEGER_DIGITS = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ToolDefinitionHash() {
    }

    /**
     * The hash of a definition whose input schema is a JSON tree (the proxy reads {@code tools/list}
     * into one); {@code description} and {@code inputSchema} may be null.
     */
    public static String of(String name, String description, JsonNode inputSchema) {
        ObjectNode definition = NODES.objectNode();
        definition.put("description", description);
        definition.set("inputSchema", inputSchema == null ? NODES.nullNode() : canonical(inputSchema));
        definition.put("name", name);
        return PREFIX + HexFormat.of().formatHex(sha256(JSON.writeValueAsString(definition)));
    }

    /** The hash of a definition whose input schema is a value Jackson maps to JSON (maps, lists, text, numbers). */
    public static String of(String name, String description, Object inputSchema) {
        return of(name, description, inputSchema instanceof JsonNode tree ? tree : JSON.valueToTree(inputSchema));
    }

    /** {@code node} with the keys of every object sorted and every number in one spelling. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode copy = NODES.objectNode();
            sorted.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = NODES.arrayNode(node.size());
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node.isNumber() ? number(node) : node;
    }

    /**
     * An integral value of up to {@value #MAX_INTEGER_DIGITS} digits as an integer, any other as its
     * shortest decimal ({@code 2.50} as {@code 2.5}, {@code 1e400} as {@code 1E+400}: never expanded).
     */
    private static JsonNode number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return NODES.numberNode(node.bigIntegerValue());
        }
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            return node;
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        boolean integer = value.scale() <= 0 && value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
        return integer ? NODES.numberNode(value.toBigIntegerExact()) : NODES.numberNode(value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
