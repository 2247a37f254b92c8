package dev.warden.command.governance.mcp;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP proxy ({@code warden.mcp}): {@code callTimeout} is the longest one message forwarded to an
 * MCP server may take, from sending it to the last byte of its reply; a reply still streaming then is
 * cut off, the caller answered with an error and the server told the request is cancelled.
 */
@ConfigurationProperties("warden.mcp")
public record McpSettings(Duration callTimeout) {

    public McpSettings {
        SettingChecks.positive("warden.mcp.call-timeout", callTimeout);
    }
}
