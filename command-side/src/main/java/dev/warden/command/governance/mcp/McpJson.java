package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ExactJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the proxy reads and writes: the service's strict reading (a key given twice is refused),
 * and numbers kept as written ({@link ExactJson}), so a server's answer the proxy passes on as JSON (a
 * tool list, an initialize result) carries its decimals unrounded and a call's arguments hash exactly.
 */
@Component
final class McpJson {

    private final JsonMapper mapper;

    McpJson(JsonMapper service) {
        this.mapper = ExactJson.of(service);
    }

    JsonMapper mapper() {
        return mapper;
    }
}
