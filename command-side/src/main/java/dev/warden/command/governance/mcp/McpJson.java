package dev.warden.command.governance.mcp;

import org.springframework.stereotype.Component;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the proxy reads and writes: the service's strict reading (a key given twice is refused),
 * and numbers kept as written, so a server's answer the proxy passes on as JSON (a tool list, an
 * initialize result) carries its decimals unrounded ({@code 0.10} stays {@code 0.10}).
 */
@Component
final class McpJson {

    private final JsonMapper mapper;

    McpJson(JsonMapper service) {
        this.mapper = service.rebuild().enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    }

    JsonMapper mapper() {
        return mapper;
    }
}
