package dev.warden.command.governance.mcp;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes the answers the proxy makes itself: one JSON message in an HTTP 200. */
final class Answers {

    private Answers() {
    }

    static void json(HttpServletResponse out, JsonMapper json, JsonNode message) throws IOException {
        byte[] body = json.writeValueAsBytes(message);
        out.setStatus(HttpServletResponse.SC_OK);
        out.setContentType("application/json");
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }
}
