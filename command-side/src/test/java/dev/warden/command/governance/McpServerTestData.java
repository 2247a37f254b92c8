package dev.warden.command.governance;

import static dev.warden.command.access.AccessTestData.id;

import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.RegisterMcpServerCommand;
import dev.warden.events.shared.IdKind;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** A sample MCP server for the governance fixture tests, and the handler under test. */
final class McpServerTestData {

    static final String ORGANIZATION_ID = id(IdKind.ORGANIZATION, "acme");
    static final String OTHER_ORGANIZATION_ID = id(IdKind.ORGANIZATION, "globex");
    static final String SERVER_ID = id(IdKind.MCP_SERVER, "github");
    static final String OTHER_SERVER_ID = id(IdKind.MCP_SERVER, "jira");
    static final String CREDENTIAL_ID = id(IdKind.CREDENTIAL, "github");
    static final String APP_CREDENTIAL_ID = id(IdKind.APP_CREDENTIAL, "github");
    static final String ERASED_CREDENTIAL_ID = id(IdKind.CREDENTIAL, "erased");
    static final String ALICE = id(IdKind.USER, "alice");
    static final String NAME = "GitHub";
    static final String URL = "https://mcp.example.com/github";
    static final Map<String, String> LABELS = Map.of("team", "platform");

    private McpServerTestData() {
    }

    /** A fixture of servers whose handler claims names in {@code names}. */
    static AggregateTestFixture<McpServer> fixture(InMemoryUniqueNames names) {
        AggregateTestFixture<McpServer> fixture = new AggregateTestFixture<>(McpServer.class);
        fixture.registerAnnotatedCommandHandler(new McpServerCommandHandler(fixture.getRepository(), names,
                McpServerTestData::credentialUsable));
        return fixture;
    }

    /** The credentials the fixtures know: {@link #CREDENTIAL_ID} and {@link #APP_CREDENTIAL_ID}, of {@link #ORGANIZATION_ID}. */
    static boolean credentialUsable(String organizationId, String credentialId) {
        return ORGANIZATION_ID.equals(organizationId)
                && (CREDENTIAL_ID.equals(credentialId) || APP_CREDENTIAL_ID.equals(credentialId));
    }

    static RegisterMcpServerCommand register(String transport, String url, String command) {
        return new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, NAME, transport, url, command, null, null);
    }

    /** The sample server as registered: streamable-http, with a credential and a label. */
    static McpServerRegisteredEvent registered() {
        return new McpServerRegisteredEvent(SERVER_ID, ORGANIZATION_ID, NAME, "streamable-http", URL, null,
                CREDENTIAL_ID, LABELS);
    }
}
