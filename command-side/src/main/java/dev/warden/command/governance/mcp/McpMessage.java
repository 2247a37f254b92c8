package dev.warden.command.governance.mcp;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON-RPC 2.0 message a client posted to the proxy: a request (a method and an id), a
 * notification (a method, no id) or a response to a request of the server (an id and a result or an
 * error). Batches left the protocol in revision 2025-06-18 and are refused, so a call cannot slip past
 * its decision inside one.
 */
record McpMessage(JsonNode id, String method, JsonNode params, byte[] body) {

    static final String INITIALIZE = "initialize";
    static final String TOOLS_LIST = "tools/list";
    static final String TOOLS_CALL = "tools/call";
    static final String PING = "ping";

    /** Reads {@code body}; anything but one well-formed JSON-RPC 2.0 message is refused (400 INVALID_MCP_MESSAGE). */
    static McpMessage parse(JsonMapper json, byte[] body) {
        JsonNode message;
        try {
            message = json.readTree(body);
        } catch (JacksonException e) {
            throw invalid("The body is not JSON");
        }
        if (message == null || message.isArray()) {
            throw invalid("Send one JSON-RPC message per request; batches are not part of MCP 2025-11-25");
        }
        if (!message.isObject() || !"2.0".equals(text(message.get("jsonrpc")))) {
            throw invalid("The body is not a JSON-RPC 2.0 message (\"jsonrpc\": \"2.0\")");
        }
        JsonNode id = message.get("id");
        if (id != null && !id.isString() && !id.isIntegralNumber()) {
            throw invalid("A JSON-RPC id is a string or an integer");
        }
        JsonNode method = message.get("method");
        if (method != null && !method.isString()) {
            throw invalid("A JSON-RPC method is a string");
        }
        if (method == null && (id == null || !(message.has("result") || message.has("error")))) {
            throw invalid("A JSON-RPC message has a method, or is a response with an id and a result or an error");
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject()) {
            throw invalid("MCP params are an object");
        }
        return new McpMessage(id, method == null ? null : method.asString(), params, body);
    }

    /** A request: it has a method and an id, and is answered. */
    boolean isRequest() {
        return method != null && id != null;
    }

    /** {@code params.name} of the request, or {@code null}. */
    String param(String name) {
        return params == null ? null : text(params.get(name));
    }

    static DomainException invalid(String detail) {
        return new DomainException(GovernanceErrorCode.INVALID_MCP_MESSAGE, detail);
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }
}
