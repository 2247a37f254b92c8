package dev.warden.command.governance.mcp;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the JSON-RPC response in an MCP server's reply, whether the server answered with one JSON
 * message or with an event stream (progress, logging and the like first, the response last). Used
 * where the proxy answers the client itself: initialize and tools/list.
 */
final class Replies {

    /** The most the proxy reads of one JSON reply it answers itself; a tool list is far smaller. */
    static final int MAX_JSON_REPLY = 16 * 1024 * 1024;

    private Replies() {
    }

    /** The response to request {@code id} in {@code reply}, or {@code null} if the reply ended without one. */
    static JsonNode response(Reply reply, JsonMapper json, JsonNode id) throws IOException {
        if (reply.isEventStream()) {
            EventStream events = new EventStream(reply.body(), null);
            for (String data = events.next(); data != null; data = events.next()) {
                JsonNode message = parse(json, data);
                if (isResponseTo(message, id)) {
                    return message;
                }
            }
            return null;
        }
        JsonNode message = parse(json, new String(readAtMost(reply.body(), MAX_JSON_REPLY),
                java.nio.charset.StandardCharsets.UTF_8));
        return isResponseTo(message, id) ? message : null;
    }

    /**
     * The response to request {@code id} in {@code reply}, or {@code null} if the reply is not a 200, or
     * ended, failed or was cut off at its deadline before the response ({@link Relay#failure} says which).
     */
    static JsonNode responseOrNull(Reply reply, JsonMapper json, JsonNode id) {
        if (reply.status() != 200) {
            return null;
        }
        try {
            return response(reply, json, id);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether {@code message} is the response (a result or an error, no method) to request {@code id}. */
    static boolean isResponseTo(JsonNode message, JsonNode id) {
        return message != null && message.isObject() && !message.has("method") && id != null
                && id.equals(message.get("id")) && (message.has("result") || message.has("error"));
    }

    /** The JSON of {@code data}, or {@code null} when it is empty or not JSON. */
    static JsonNode parse(JsonMapper json, String data) {
        if (data.isBlank()) {
            return null;
        }
        try {
            return json.readTree(data);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The whole body, refused past {@code limit} bytes. */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new IOException("The MCP server's reply is larger than " + limit + " bytes");
        }
        return bytes;
    }
}
