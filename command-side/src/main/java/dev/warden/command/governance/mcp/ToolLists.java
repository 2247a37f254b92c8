package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ToolDefinitionHash;
import dev.warden.events.governance.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A server's answer to {@code tools/list}: the definitions to record, and the same answer with only
 * the tools an agent may call (pinned and not held), everything else in it (a next cursor) kept.
 */
final class ToolLists {

    private ToolLists() {
    }

    /** The tools of a {@code tools/list} result, each with the hash of its definition. */
    static List<ToolDefinition> definitions(JsonNode result) {
        List<ToolDefinition> definitions = new ArrayList<>();
        for (JsonNode tool : tools(result)) {
            JsonNode name = tool.get("name");
            if (name != null && name.isString()) {
                JsonNode text = tool.get("description");
                String description = text != null && text.isString() ? text.asString() : null;
                definitions.add(new ToolDefinition(name.asString(), description,
                        ToolDefinitionHash.of(name.asString(), description, tool.get("inputSchema"))));
            }
        }
        return definitions;
    }

    /** {@code result} with only the tools named in {@code callable}. */
    static JsonNode callable(JsonNode result, Set<String> callable) {
        ObjectNode answer = ((ObjectNode) result).deepCopy();
        ArrayNode kept = answer.putArray("tools");
        for (JsonNode tool : tools(result)) {
            JsonNode name = tool.get("name");
            if (name != null && name.isString() && callable.contains(name.asString())) {
                kept.add(tool);
            }
        }
        return answer;
    }

    /** Whether {@code result} is a {@code tools/list} result the proxy can read. */
    static boolean readable(JsonNode result) {
        return result != null && result.isObject() && result.get("tools") != null && result.get("tools").isArray();
    }

    private static Iterable<JsonNode> tools(JsonNode result) {
        return result.get("tools").values();
    }
}
