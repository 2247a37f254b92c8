package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.governance.McpServer;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * An MCP server makes the round trip through a snapshot whole: registration, status, pinned and held
 * tools come back as they were, so a server loaded from its snapshot pins and holds as the one built
 * from its events.
 */
class McpServerSnapshotTest {

    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Serializer snapshots = EventStoreConfiguration.snapshotSerializer();

    @Test
    void aServerWithPinnedAndHeldToolsComesBackWhole() {
        String serverId = IdKind.MCP_SERVER.next();
        String pinned = "sha256:" + "a".repeat(64);
        String presented = "sha256:" + "b".repeat(64);
        Object[] events = {
                new McpServerRegisteredEvent(serverId, "org_a", "GitHub", "streamable-http", "https://mcp.example.com",
                        null, "cred_x", Map.of("team", "core")),
                new ToolPinnedEvent(serverId, "org_a", "echo", "Echoes", pinned),
                new ToolPinnedEvent(serverId, "org_a", "add", "Adds", pinned),
                new ToolDefinitionChangedEvent(serverId, "org_a", "add", "Adds more", pinned, presented),
                new McpServerSuspendedEvent(serverId, "org_a", "Leaks")};
        long sequence = 0;
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>("McpServer", serverId, sequence++, event));
        }

        McpServer built = load(serverId);
        McpServer restored = snapshots.deserialize(snapshots.serialize(built, String.class));

        assertThat(restored).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialize(built, String.class).getData())
                .contains("cred_x", "core", "SUSPENDED", presented, "https://mcp.example.com");
    }

    private McpServer load(String id) {
        EventSourcingRepository<McpServer> repository = EventSourcingRepository.builder(McpServer.class)
                .eventStore(store).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(server -> server);
        } finally {
            unitOfWork.rollback();
        }
    }
}
