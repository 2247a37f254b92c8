package dev.warden.command.governance.mcp;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC answers the proxy writes itself, and its error codes. Refusals are protocol errors in an
 * HTTP 200 (an MCP client shows them to the agent with their {@code data}; an HTTP 403 would reach it
 * as a transport failure without the reason). The codes avoid the ones MCP and its SDKs use.
 */
final class JsonRpc {

    /** A policy rule, the organization's default or a held tool denied the call. */
    static final int DENIED = -32010;
    /** The call waits for an approval; the same call is decided again once a member granted it. */
    static final int APPROVAL_REQUIRED = -32011;
    /** The server is suspended or deregistered, or the agent session ended. */
    static final int UNAVAILABLE = -32012;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    /** The response to request {@code id} with {@code result}. */
    static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = envelope(id);
        response.set("result", result);
        return response;
    }

    /** The error response to request {@code id}; entries of {@code data} whose value is null are left out. */
    static ObjectNode error(JsonNode id, int code, String message, Map<String, ?> data) {
        ObjectNode error = NODES.objectNode();
        error.put("code", code);
        error.put("message", message);
        if (data != null && !data.isEmpty()) {
            ObjectNode fields = error.putObject("data");
            data.forEach((name, value) -> {
                if (value instanceof Number number) {
                    fields.put(name, number.longValue());
                } else if (value != null) {
                    fields.put(name, value.toString());
                }
            });
        }
        ObjectNode response = envelope(id);
        response.set("error", error);
        return response;
    }

    /** The empty result {@code ping} answers. */
    static ObjectNode emptyResult(JsonNode id) {
        return result(id, NODES.objectNode());
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode response = NODES.objectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id == null ? NODES.nullNode() : id);
        return response;
    }
}
