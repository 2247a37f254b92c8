package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.governance.McpServer;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An MCP server makes the round trip through a snapshot whole: registration, status, pinned and held
 * tools come back as they were, so a server loaded from its snapshot pins and holds as the one built
 * from its events.
 */
class McpServerSnapshotTest {

    private final SnapshotRoundTrips snapshots = new SnapshotRoundTrips();

    @Test
    void aServerWithPinnedAndHeldToolsComesBackWhole() {
        String serverId = IdKind.MCP_SERVER.next();
        String pinned = "sha256:" + "a".repeat(64);
        String presented = "sha256:" + "b".repeat(64);
        snapshots.given(McpServer.class, serverId,
                new McpServerRegisteredEvent(serverId, "org_a", "GitHub", "streamable-http", "https://mcp.example.com",
                        null, "cred_x", Map.of("team", "core")),
                new ToolPinnedEvent(serverId, "org_a", "echo", "Echoes", pinned),
                new ToolPinnedEvent(serverId, "org_a", "add", "Adds", pinned),
                new ToolDefinitionChangedEvent(serverId, "org_a", "add", "Adds more", pinned, presented),
                new McpServerSuspendedEvent(serverId, "org_a", "Leaks"));

        McpServer built = snapshots.load(McpServer.class, serverId);
        McpServer restored = snapshots.roundTrip(built);

        assertThat(restored).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialized(built))
                .contains("cred_x", "core", "SUSPENDED", presented, "https://mcp.example.com");
    }
}
