package dev.warden.command.governance.mcp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Component;

/**
 * The MCP server's sessions behind the proxy's: opened with the client's own initialize (so the server
 * offers the tools the client's capabilities call for), and opened again, once, when the server says
 * it no longer knows the session (after a restart or an upgrade), before the message is sent again.
 */
@Component
class UpstreamSessions {

    private static final byte[] INITIALIZED =
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}".getBytes(StandardCharsets.UTF_8);

    private final UpstreamClient client;
    private final JsonMapper json;

    UpstreamSessions(UpstreamClient client, McpJson json) {
        this.client = client;
        this.json = json.mapper();
    }

    /** What initializing upstream answered: the server's response (a result or an error) and its session. */
    record Opened(JsonNode response, ProxySession.Upstream upstream) {

        boolean succeeded() {
            return response != null && response.has("result");
        }
    }

    /** Sends the client's {@code initialize} (request {@code id}) to the server at {@code url}. */
    Opened initialize(URI url, byte[] initialize, JsonNode id) throws IOException {
        try (Reply reply = client.post(url, null, null, initialize)) {
            JsonNode response = Replies.responseOrNull(reply, json, id);
            JsonNode version = response == null ? null : response.path("result").get("protocolVersion");
            return new Opened(response, new ProxySession.Upstream(reply.sessionId(),
                    version != null && version.isString() ? version.asString() : null));
        }
    }

    /** Sends {@code body} in the session's upstream session, opening that again first if the server lost it. */
    Reply send(ProxySession session, byte[] body) throws IOException {
        ProxySession.Upstream upstream = session.upstream();
        Reply reply = client.post(session.url(), upstream.sessionId(), upstream.protocolVersion(), body);
        if (upstream.sessionId() == null || !lost(reply)) {
            return reply;
        }
        reply.close();
        reopen(session, upstream);
        ProxySession.Upstream renewed = session.upstream();
        return client.post(session.url(), renewed.sessionId(), renewed.protocolVersion(), body);
    }

    /** Tells the server the request {@code id} is cancelled (its deadline passed), without waiting. */
    void cancel(ProxySession session, JsonNode id) {
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":"
                + json.writeValueAsString(id) + ",\"reason\":\"The call timed out at the proxy\"}}";
        ProxySession.Upstream upstream = session.upstream();
        client.notify(session.url(), upstream.sessionId(), upstream.protocolVersion(),
                notification.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the session's upstream session, without waiting. */
    void end(ProxySession session) {
        ProxySession.Upstream upstream = session.upstream();
        if (upstream.sessionId() != null) {
            client.delete(session.url(), upstream.sessionId(), upstream.protocolVersion());
        }
    }

    /**
     * Initializes upstream again with the client's initialize, unless another request of the session did
     * so since {@code lost} failed.
     */
    private void reopen(ProxySession session, ProxySession.Upstream lost) throws IOException {
        synchronized (session) {
            if (session.upstream() != lost) {
                return;
            }
            JsonNode id = json.readTree(session.initialize()).get("id");
            Opened opened = initialize(session.url(), session.initialize(), id);
            if (!opened.succeeded()) {
                throw new IOException("The MCP server refused to open its session again");
            }
            client.post(session.url(), opened.upstream().sessionId(), opened.upstream().protocolVersion(), INITIALIZED)
                    .close();
            session.upstream(opened.upstream());
        }
    }

    /**
     * Whether the server no longer knows the session: 404, as the transport says, or 400 naming the
     * session, as the reference server answers.
     */
    private static boolean lost(Reply reply) throws IOException {
        if (reply.status() == 404) {
            return true;
        }
        if (reply.status() != 400) {
            return false;
        }
        String body = new String(reply.body().readNBytes(4096), StandardCharsets.UTF_8);
        return body.toLowerCase(java.util.Locale.ROOT).contains("session");
    }
}
