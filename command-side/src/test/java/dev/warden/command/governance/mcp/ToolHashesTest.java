package dev.warden.command.governance.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hash a tool is pinned by: its name, description and input schema, whatever the order of their keys. */
class ToolHashesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theOrderOfKeysAtAnyDepthDoesNotChangeTheHash() {
        String a = ToolHashes.of(json.readTree("{\"name\":\"echo\",\"description\":\"Echoes\",\"inputSchema\":"
                + "{\"$schema\":\"s\",\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\",\"description\":\"m\"}}}}"));
        String b = ToolHashes.of(json.readTree("{\"inputSchema\":{\"properties\":{\"message\":{\"description\":\"m\","
                + "\"type\":\"string\"}},\"type\":\"object\",\"$schema\":\"s\"},\"description\":\"Echoes\",\"name\":\"echo\"}"));

        assertThat(a).isEqualTo(b).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aChangedDescriptionOrSchemaChangesTheHashButTitleAndAnnotationsDoNot() {
        String base = ToolHashes.of(json.readTree("{\"name\":\"echo\",\"description\":\"Echoes\",\"inputSchema\":{}}"));

        assertThat(ToolHashes.of(json.readTree("{\"name\":\"echo\",\"description\":\"Echoes!\",\"inputSchema\":{}}")))
                .isNotEqualTo(base);
        assertThat(ToolHashes.of(json.readTree("{\"name\":\"echo\",\"description\":\"Echoes\",\"inputSchema\":"
                + "{\"additionalProperties\":false}}"))).isNotEqualTo(base);
        assertThat(ToolHashes.of(json.readTree("{\"name\":\"echo\",\"title\":\"Echo\",\"description\":\"Echoes\","
                + "\"annotations\":{\"readOnlyHint\":true},\"inputSchema\":{}}"))).isEqualTo(base);
    }
}
