package dev.warden.command.governance.mcp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passes an MCP server's reply to the client as it arrives: an event stream is copied byte for byte
 * and flushed after every event (progress notifications and the server's own requests reach the agent
 * in their order, during a long call), a JSON reply is copied as it is. When the reply ends, or is cut
 * off at its deadline, before the response came, the client still gets one: a JSON-RPC error.
 */
final class Relay {

    /** How a relayed reply ended. */
    enum Ending { ANSWERED, TIMED_OUT, FAILED, CLIENT_GONE }

    private Relay() {
    }

    /** Relays {@code reply} to {@code message} (a request, a notification or a response) to {@code out}. */
    static Ending relay(Reply reply, McpMessage message, boolean takesEvents, JsonMapper json,
                        HttpServletResponse out) throws IOException {
        if (!message.isRequest()) {
            boolean accepted = reply.status() / 100 == 2;
            out.setStatus(accepted ? HttpServletResponse.SC_ACCEPTED : HttpServletResponse.SC_BAD_GATEWAY);
            return accepted ? Ending.ANSWERED : Ending.FAILED;
        }
        if (reply.status() == HttpServletResponse.SC_OK && reply.isEventStream() && takesEvents) {
            return stream(reply, message, json, out);
        }
        JsonNode response = Replies.responseOrNull(reply, json, message.id());
        Answers.json(out, json, response != null ? response : failure(reply, message));
        return response != null ? Ending.ANSWERED : reply.expired() ? Ending.TIMED_OUT : Ending.FAILED;
    }

    /** Copies the reply's events to the client as they come, and ends with an error if no response came. */
    private static Ending stream(Reply reply, McpMessage message, JsonMapper json, HttpServletResponse out)
            throws IOException {
        out.setStatus(HttpServletResponse.SC_OK);
        out.setContentType("text/event-stream");
        out.setHeader("Cache-Control", "no-cache, no-transform");
        out.setHeader("X-Accel-Buffering", "no");
        ClientStream client = new ClientStream(out.getOutputStream());
        EventStream events = new EventStream(reply.body(), client);
        boolean answered = false;
        try {
            for (String data = events.next(); data != null; data = events.next()) {
                answered = answered || Replies.isResponseTo(Replies.parse(json, data), message.id());
            }
        } catch (IOException e) {
            if (client.failed) {
                return Ending.CLIENT_GONE;
            }
        }
        if (answered) {
            return Ending.ANSWERED;
        }
        client.write(("event: message\ndata: " + json.writeValueAsString(failure(reply, message)) + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        client.flush();
        return reply.expired() ? Ending.TIMED_OUT : Ending.FAILED;
    }

    /** The error answering a request the server gave no response to: cut off at its deadline, or failed. */
    static JsonNode failure(Reply reply, McpMessage message) {
        if (reply.expired()) {
            return JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR,
                    "The MCP server did not answer in time; the request was cancelled", null);
        }
        String said = reply.status() == HttpServletResponse.SC_OK ? "ended its reply without a response"
                : "answered HTTP " + reply.status();
        return JsonRpc.error(message.id(), JsonRpc.INTERNAL_ERROR, "The MCP server " + said,
                java.util.Map.of("upstreamStatus", reply.status()));
    }

    /** The client's side of the response; remembers a failed write, which means the client went away. */
    private static final class ClientStream extends FilterOutputStream {

        private boolean failed;

        ClientStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
