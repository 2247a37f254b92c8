package dev.warden.command.governance;

import dev.warden.command.governance.McpServerRules.Definition;
import dev.warden.command.infrastructure.CredentialReferences;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.governance.ApproveToolDefinitionCommand;
import dev.warden.events.governance.DeregisterMcpServerCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.RecordToolListCommand;
import dev.warden.events.governance.RegisterMcpServerCommand;
import dev.warden.events.governance.ResumeMcpServerCommand;
import dev.warden.events.governance.SuspendMcpServerCommand;
import dev.warden.events.governance.UpdateMcpServerCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An MCP server's life: registered with a name unique in its organization (ignoring case) and, when
 * it authenticates, a usable credential of the organization (the check workspace variables pass);
 * updated (a new name claimed, the old one freed; a changed credential checked again), suspended,
 * resumed, deregistered (its name freed). Recording a tool list answers what it pinned, found
 * unchanged and holds: the MCP proxy sends it after each {@code tools/list} and the REST endpoint
 * for clients that list the tools themselves.
 */
@Component
class McpServerCommandHandler {

    private final Repository<McpServer> servers;
    private final UniqueNames names;
    private final CredentialReferences credentials;

    McpServerCommandHandler(@Qualifier("mcpServerRepository") Repository<McpServer> servers, UniqueNames names,
                            CredentialReferences credentials) {
        this.servers = servers;
        this.names = names;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(RegisterMcpServerCommand command) throws Exception {
        Definition definition = McpServerRules.definition(command.name(), command.transport(), command.url(),
                command.command(), command.credentialId(), command.labels());
        requireUsable(command.organizationId(), definition.credentialId());
        if (!names.claim(McpServerRules.nameScope(command.organizationId()), McpServerRules.nameKey(definition.name()),
                command.mcpServerId())) {
            throw McpServerRules.nameTaken(definition.name());
        }
        servers.newInstance(() -> new McpServer(command.mcpServerId(), command.organizationId(), definition));
    }

    @CommandHandler
    void handle(UpdateMcpServerCommand command) {
        Definition definition = McpServerRules.definition(command.name(), command.transport(), command.url(),
                command.command(), command.credentialId(), command.labels());
        load(command.mcpServerId(), command.organizationId()).execute(server -> {
            server.requireRegistered();
            Definition current = server.definition();
            if (!Objects.equals(current.credentialId(), definition.credentialId())) {
                requireUsable(command.organizationId(), definition.credentialId());
            }
            rename(command.organizationId(), command.mcpServerId(), current.name(), definition.name());
            server.update(definition);
        });
    }

    @CommandHandler
    void handle(SuspendMcpServerCommand command) {
        String reason = McpServerRules.reason(command.reason());
        load(command.mcpServerId(), command.organizationId()).execute(server -> server.suspend(reason));
    }

    @CommandHandler
    void handle(ResumeMcpServerCommand command) {
        load(command.mcpServerId(), command.organizationId()).execute(McpServer::resume);
    }

    @CommandHandler
    void handle(DeregisterMcpServerCommand command) {
        load(command.mcpServerId(), command.organizationId()).execute(server -> {
            server.deregister();
            names.release(McpServerRules.nameScope(command.organizationId()),
                    McpServerRules.nameKey(server.definition().name()), command.mcpServerId());
        });
    }

    /** Records the tools a server presents (see {@link ToolListRules}) and answers what became of each. */
    @CommandHandler
    ToolListOutcome handle(RecordToolListCommand command) {
        var tools = ToolListRules.checked(command.tools());
        return load(command.mcpServerId(), command.organizationId()).invoke(server -> server.recordTools(tools));
    }

    @CommandHandler
    void handle(ApproveToolDefinitionCommand command) {
        load(command.mcpServerId(), command.organizationId()).execute(server -> server.approve(command));
    }

    private Aggregate<McpServer> load(String mcpServerId, String organizationId) {
        return McpServer.load(servers, IdKind.MCP_SERVER.require(mcpServerId), organizationId);
    }

    /** Claims {@code newName} when it differs from {@code oldName} other than in case, and frees the old one. */
    private void rename(String organizationId, String mcpServerId, String oldName, String newName) {
        String scope = McpServerRules.nameScope(organizationId);
        String oldKey = McpServerRules.nameKey(oldName);
        String newKey = McpServerRules.nameKey(newName);
        if (!newKey.equals(oldKey)) {
            if (!names.claim(scope, newKey, mcpServerId)) {
                throw McpServerRules.nameTaken(newName);
            }
            names.release(scope, oldKey, mcpServerId);
        }
    }

    /** Refuses a credential reference that is not a usable credential (cloud or app) of the organization. */
    private void requireUsable(String organizationId, String credentialId) {
        boolean shaped = IdKind.CREDENTIAL.matches(credentialId) || IdKind.APP_CREDENTIAL.matches(credentialId);
        if (credentialId != null && (!shaped || !credentials.usable(organizationId, credentialId))) {
            throw new DomainException(GovernanceErrorCode.CREDENTIAL_NOT_USABLE, "The organization has no credential "
                    + Text.excerpt(credentialId) + " whose secret can be used (missing, erased, or not a cred_ or"
                    + " appc_ id)");
        }
    }
}
