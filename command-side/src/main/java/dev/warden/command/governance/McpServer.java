package dev.warden.command.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.governance.McpServerRules.Definition;
import dev.warden.command.governance.ServerGate.ServerState;
import dev.warden.command.governance.ServerGate.Status;
import dev.warden.command.support.Aggregates;
import dev.warden.events.governance.ApproveToolDefinitionCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.McpServerDeregisteredEvent;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerResumedEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.McpServerUpdatedEvent;
import dev.warden.events.governance.ToolDefinition;
import dev.warden.events.governance.ToolDefinitionApprovedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An MCP server of an organization: its registration (name unique in the organization, which the
 * handler claims), whether it is active, suspended or deregistered, and its tools pinned by the hash
 * of their definitions. A tool seen for the first time is pinned; presented again with its pinned
 * hash nothing happens; presented with another hash it is held, once per hash presented, until a
 * member approves exactly the held definition. A held tool stays held when the server presents its
 * pinned definition again: a server that changed a tool once is looked at before it is trusted again.
 * A suspended server still records its tools; a deregistered one refuses everything. Another
 * organization's server answers as missing. Changing something to what it is stores nothing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class McpServer {

    @AggregateIdentifier
    private String mcpServerId;
    private String organizationId;
    private String name;
    private String transport;
    private String url;
    private String command;
    private String credentialId;
    private Map<String, String> labels = new HashMap<>();
    private Status status;
    /** Each tool's pinned hash, held tools included. */
    private Map<String, String> pinned = new HashMap<>();
    /** Each held tool's presented hash, waiting for approval. */
    private Map<String, String> held = new HashMap<>();

    protected McpServer() {
    }

    /** Registers the server; the caller has claimed the name and checked the credential. */
    McpServer(String mcpServerId, String organizationId, Definition definition) {
        apply(new McpServerRegisteredEvent(mcpServerId, organizationId, definition.name(), definition.transport(),
                definition.url(), definition.command(), definition.credentialId(), definition.labels()));
    }

    /** The server {@code mcpServerId} of {@code organizationId}; another organization's looks missing. */
    static org.axonframework.modelling.command.Aggregate<McpServer> load(Repository<McpServer> servers,
                                                                         String mcpServerId, String organizationId) {
        org.axonframework.modelling.command.Aggregate<McpServer> server = Aggregates.load(servers, mcpServerId);
        server.execute(s -> s.requireIn(organizationId));
        return server;
    }

    /** Replaces the registration; the caller has claimed a new name and checked a new credential. */
    void update(Definition definition) {
        requireRegistered();
        if (!definition.equals(definition())) {
            apply(new McpServerUpdatedEvent(mcpServerId, organizationId, definition.name(), definition.transport(),
                    definition.url(), definition.command(), definition.credentialId(), definition.labels()));
        }
    }

    void suspend(String reason) {
        requireRegistered();
        if (status == Status.ACTIVE) {
            apply(new McpServerSuspendedEvent(mcpServerId, organizationId, reason));
        }
    }

    void resume() {
        requireRegistered();
        if (status == Status.SUSPENDED) {
            apply(new McpServerResumedEvent(mcpServerId, organizationId));
        }
    }

    void deregister() {
        requireRegistered();
        apply(new McpServerDeregisteredEvent(mcpServerId, organizationId, name));
    }

    /** Compares the presented tools (checked) with what is pinned, pinning new ones and holding changed ones. */
    ToolListOutcome recordTools(List<ToolDefinition> tools) {
        requireRegistered();
        ToolListOutcome.Builder outcome = new ToolListOutcome.Builder();
        for (ToolDefinition tool : tools) {
            String pinnedHash = pinned.get(tool.name());
            String hash = tool.definitionHash();
            if (pinnedHash == null) {
                apply(new ToolPinnedEvent(mcpServerId, organizationId, tool.name(), tool.description(), hash));
                outcome.pinned(tool.name());
            } else if (pinnedHash.equals(hash) && !held.containsKey(tool.name())) {
                outcome.unchanged(tool.name());
            } else {
                if (!pinnedHash.equals(hash) && !hash.equals(held.get(tool.name()))) {
                    apply(new ToolDefinitionChangedEvent(mcpServerId, organizationId, tool.name(), tool.description(),
                            pinnedHash, hash));
                }
                outcome.held(tool.name(), pinnedHash, held.get(tool.name()));
            }
        }
        return outcome.build();
    }

    /** Pins the held definition of a tool; refused unless the tool is held with exactly that hash. */
    void approve(ApproveToolDefinitionCommand command) {
        requireRegistered();
        String presented = held.get(command.toolName());
        if (presented == null) {
            throw new DomainException(GovernanceErrorCode.TOOL_NOT_HELD, "The tool '"
                    + Text.excerpt(command.toolName()) + "' is not held: nothing waits for approval");
        }
        if (!presented.equals(command.definitionHash())) {
            throw new DomainException(GovernanceErrorCode.TOOL_NOT_HELD, "The tool '"
                    + Text.excerpt(command.toolName()) + "' is held with the definition " + presented + ", not "
                    + Text.excerpt(command.definitionHash()), Map.of("presentedHash", presented));
        }
        apply(new ToolDefinitionApprovedEvent(mcpServerId, organizationId, command.toolName(), presented,
                command.approvedBy()));
    }

    /** Refuses when the server was deregistered: nothing changes it any more. */
    void requireRegistered() {
        if (status == Status.DEREGISTERED) {
            throw new DomainException(GovernanceErrorCode.SERVER_DEREGISTERED, "The server '" + name
                    + "' was deregistered; register it again to use it");
        }
    }

    /** The registration as it stands. */
    Definition definition() {
        return new Definition(name, transport, url, command, credentialId, new TreeMap<>(labels));
    }

    /** Its standing for a decision: status, callable tools and held ones. */
    ServerState state() {
        Set<String> callable = pinned.keySet().stream().filter(tool -> !held.containsKey(tool))
                .collect(Collectors.toUnmodifiableSet());
        return new ServerState(mcpServerId, organizationId, status, callable, Set.copyOf(held.keySet()));
    }

    /** Where the proxy reaches the server. */
    ServerAddresses.Upstream upstream() {
        return new ServerAddresses.Upstream(mcpServerId, organizationId, transport, url, credentialId);
    }

    private void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.MCP_SERVER.notFound(mcpServerId);
        }
    }

    @EventSourcingHandler
    void on(McpServerRegisteredEvent event) {
        mcpServerId = event.mcpServerId();
        organizationId = event.organizationId();
        status = Status.ACTIVE;
        registration(event.name(), event.transport(), event.url(), event.command(), event.credentialId(),
                event.labels());
    }

    @EventSourcingHandler
    void on(McpServerUpdatedEvent event) {
        registration(event.name(), event.transport(), event.url(), event.command(), event.credentialId(),
                event.labels());
    }

    private void registration(String newName, String newTransport, String newUrl, String newCommand,
                              String newCredentialId, Map<String, String> newLabels) {
        name = newName;
        transport = newTransport;
        url = newUrl;
        command = newCommand;
        credentialId = newCredentialId;
        labels = new HashMap<>(newLabels == null ? Map.of() : newLabels);
    }

    @EventSourcingHandler
    void on(McpServerSuspendedEvent event) {
        status = Status.SUSPENDED;
    }

    @EventSourcingHandler
    void on(McpServerResumedEvent event) {
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(McpServerDeregisteredEvent event) {
        status = Status.DEREGISTERED;
    }

    @EventSourcingHandler
    void on(ToolPinnedEvent event) {
        pinned.put(event.toolName(), event.definitionHash());
    }

    @EventSourcingHandler
    void on(ToolDefinitionChangedEvent event) {
        held.put(event.toolName(), event.presentedHash());
    }

    @EventSourcingHandler
    void on(ToolDefinitionApprovedEvent event) {
        pinned.put(event.toolName(), event.definitionHash());
        held.remove(event.toolName());
    }
}
