package dev.warden.command.governance.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hash a tool definition is pinned by, as the proxy computes it from a server's {@code tools/list}:
 * SHA-256 of the canonical JSON (keys sorted at every depth) of its name, description and input schema.
 */
final class ToolHashes {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private ToolHashes() {
    }

    /** {@code sha256:<hex>} of the tool's name, description and input schema. */
    static String of(JsonNode tool) {
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        definition.set("name", tool.get("name"));
        definition.set("description", tool.get("description"));
        definition.set("inputSchema", tool.get("inputSchema"));
        try {
            byte[] canonical = CANONICAL.writeValueAsString(definition).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
