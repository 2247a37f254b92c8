package dev.warden.command.governance;

import static dev.warden.command.governance.McpServerTestData.ALICE;
import static dev.warden.command.governance.McpServerTestData.APP_CREDENTIAL_ID;
import static dev.warden.command.governance.McpServerTestData.CREDENTIAL_ID;
import static dev.warden.command.governance.McpServerTestData.ERASED_CREDENTIAL_ID;
import static dev.warden.command.governance.McpServerTestData.LABELS;
import static dev.warden.command.governance.McpServerTestData.NAME;
import static dev.warden.command.governance.McpServerTestData.ORGANIZATION_ID;
import static dev.warden.command.governance.McpServerTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.governance.McpServerTestData.OTHER_SERVER_ID;
import static dev.warden.command.governance.McpServerTestData.SERVER_ID;
import static dev.warden.command.governance.McpServerTestData.URL;
import static dev.warden.command.governance.McpServerTestData.register;
import static dev.warden.command.governance.McpServerTestData.registered;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static dev.warden.events.governance.GovernanceErrorCode.CREDENTIAL_NOT_USABLE;
import static dev.warden.events.governance.GovernanceErrorCode.INVALID_LABELS;
import static dev.warden.events.governance.GovernanceErrorCode.INVALID_SERVER_NAME;
import static dev.warden.events.governance.GovernanceErrorCode.INVALID_SUSPENSION_REASON;
import static dev.warden.events.governance.GovernanceErrorCode.INVALID_TRANSPORT;
import static dev.warden.events.governance.GovernanceErrorCode.SERVER_DEREGISTERED;
import static dev.warden.events.governance.GovernanceErrorCode.SERVER_NAME_TAKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.events.governance.ApproveToolDefinitionCommand;
import dev.warden.events.governance.DeregisterMcpServerCommand;
import dev.warden.events.governance.McpServerDeregisteredEvent;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.McpServerResumedEvent;
import dev.warden.events.governance.McpServerSuspendedEvent;
import dev.warden.events.governance.McpServerUpdatedEvent;
import dev.warden.events.governance.RecordToolListCommand;
import dev.warden.events.governance.RegisterMcpServerCommand;
import dev.warden.events.governance.ResumeMcpServerCommand;
import dev.warden.events.governance.SuspendMcpServerCommand;
import dev.warden.events.governance.UpdateMcpServerCommand;
import dev.warden.events.shared.IdKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class McpServerTest {

    private AggregateTestFixture<McpServer> fixture;
    private InMemoryUniqueNames names;

    @BeforeEach
    void setUp() {
        names = new InMemoryUniqueNames();
        fixture = McpServerTestData.fixture(names);
    }

    /** The sample server as the handler registered it, name claim included. */
    private AggregateTestFixture<McpServer> givenServer(Object... laterEvents) {
        names.claim(McpServerRules.nameScope(ORGANIZATION_ID), "github", SERVER_ID);
        fixture.given(registered()).andGiven(laterEvents);
        return fixture;
    }

    private static UpdateMcpServerCommand update(String name, String credentialId, Map<String, String> labels) {
        return new UpdateMcpServerCommand(SERVER_ID, ORGANIZATION_ID, name, "streamable-http", URL, null, credentialId,
                labels);
    }

    @Nested
    class Registering {

        @Test
        void registersWithNameStrippedLabelsSortedAndTheNameClaimed() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, " GitHub ", "streamable-http",
                            " " + URL + " ", "", CREDENTIAL_ID, Map.of("team", " platform ")))
                    .expectEvents(registered());
            assertThat(names.ownerOf(McpServerRules.nameScope(ORGANIZATION_ID), "github")).contains(SERVER_ID);
        }

        @Test
        void registersAStdioServerByItsCommandAndAnSseServerWithAnAppCredential() {
            fixture.givenNoPriorActivity()
                    .when(register("stdio", null, " npx server-everything "))
                    .expectEvents(new McpServerRegisteredEvent(SERVER_ID, ORGANIZATION_ID, NAME, "stdio", null,
                            "npx server-everything", null, Map.of()));
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(OTHER_SERVER_ID, ORGANIZATION_ID, "Jira", "sse",
                            "http://localhost:3001/sse", null, APP_CREDENTIAL_ID, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesANameTakenInTheOrganizationIgnoringCaseButNotInAnother() {
            names.claim(McpServerRules.nameScope(ORGANIZATION_ID), "github", OTHER_SERVER_ID);
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, "GITHUB", "sse", URL, null, null,
                            null))
                    .expectException(refusedWith(SERVER_NAME_TAKEN))
                    .expectExceptionMessage("A server named 'GITHUB' is registered already in this organization");
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, OTHER_ORGANIZATION_ID, "GITHUB", "sse", URL, null,
                            null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "two\nlines", "bidi\u202Eoverride"})
        void refusesAnInvalidName(String name) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, name, "sse", URL, null, null, null))
                    .expectException(refusedWith(INVALID_SERVER_NAME))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @CsvSource(nullValues = "null", value = {
                "websocket, https://mcp.example.com, null", "null, https://mcp.example.com, null",
                "streamable-http, null, null", "streamable-http, '  ', null", "sse, ftp://mcp.example.com, null",
                "sse, mcp.example.com/sse, null", "sse, https://user:secret@mcp.example.com, null",
                "sse, https://mcp.example.com/#frag, null", "sse, 'https://exa mple.com', null",
                "sse, https://mcp.example.com, npx server", "stdio, null, null", "stdio, null, 'two\nlines'",
                "stdio, https://mcp.example.com, npx server"})
        void refusesATransportWithoutTheAddressItNeeds(String transport, String url, String command) {
            fixture.givenNoPriorActivity()
                    .when(register(transport, url, command))
                    .expectException(refusedWith(INVALID_TRANSPORT))
                    .expectNoEvents();
            assertThat(names.anyIn(McpServerRules.nameScope(ORGANIZATION_ID))).isFalse();
        }

        @Test
        void refusesAnOverlongUrl() {
            fixture.givenNoPriorActivity()
                    .when(register("sse", "https://mcp.example.com/" + "p".repeat(2000), null))
                    .expectException(refusedWith(INVALID_TRANSPORT))
                    .expectExceptionMessage("A server's url has at most 2000 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Team", "-team", "with space", "ünicode"})
        void refusesAMalformedLabelKey(String key) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, NAME, "sse", URL, null, null,
                            Map.of(key, "x")))
                    .expectException(refusedWith(INVALID_LABELS));
        }

        @Test
        void refusesMoreThanFiftyLabelsAndABadLabelValue() {
            Map<String, String> many = IntStream.range(0, 51).boxed()
                    .collect(Collectors.toMap(i -> "k" + i, i -> "v"));
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, NAME, "sse", URL, null, null, many))
                    .expectException(refusedWith(INVALID_LABELS))
                    .expectExceptionMessage("A server has at most 50 labels");
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, NAME, "sse", URL, null, null,
                            Map.of("team", "a\u0007b")))
                    .expectException(refusedWith(INVALID_LABELS));
        }

        @ParameterizedTest
        @ValueSource(strings = {"cred_unknown000000000000000", "not-an-id", "key_github0000000000000000"})
        void refusesACredentialTheOrganizationCannotUse(String credentialId) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID, NAME, "sse", URL, null,
                            credentialId, null))
                    .expectException(refusedWith(CREDENTIAL_NOT_USABLE))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new RegisterMcpServerCommand(SERVER_ID, OTHER_ORGANIZATION_ID, NAME, "sse", URL, null,
                            CREDENTIAL_ID, null))
                    .expectException(refusedWith(CREDENTIAL_NOT_USABLE));
            assertThat(names.anyIn(McpServerRules.nameScope(ORGANIZATION_ID))).isFalse();
        }
    }

    @Nested
    class Updating {

        @Test
        void replacesTheRegistrationAndMovesTheNameClaim() {
            givenServer()
                    .when(update("GitHub Enterprise", null, Map.of("tier", "1")))
                    .expectEvents(new McpServerUpdatedEvent(SERVER_ID, ORGANIZATION_ID, "GitHub Enterprise",
                            "streamable-http", URL, null, null, Map.of("tier", "1")));
            String scope = McpServerRules.nameScope(ORGANIZATION_ID);
            assertThat(names.ownerOf(scope, "github enterprise")).contains(SERVER_ID);
            assertThat(names.ownerOf(scope, "github")).isEmpty();
        }

        @Test
        void theSameRegistrationStoresNothingAndAnotherCaseKeepsTheClaim() {
            givenServer()
                    .when(update(NAME, CREDENTIAL_ID, LABELS))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            givenServer()
                    .when(update("GITHUB", CREDENTIAL_ID, LABELS))
                    .expectEvents(new McpServerUpdatedEvent(SERVER_ID, ORGANIZATION_ID, "GITHUB", "streamable-http",
                            URL, null, CREDENTIAL_ID, LABELS));
        }

        @Test
        void refusesATakenNameAndAnUnusableNewCredential() {
            names.claim(McpServerRules.nameScope(ORGANIZATION_ID), "jira", OTHER_SERVER_ID);
            givenServer()
                    .when(update("Jira", CREDENTIAL_ID, LABELS))
                    .expectException(refusedWith(SERVER_NAME_TAKEN));
            givenServer()
                    .when(update(NAME, ERASED_CREDENTIAL_ID, LABELS))
                    .expectException(refusedWith(CREDENTIAL_NOT_USABLE))
                    .expectNoEvents();
        }

        @Test
        void anotherOrganizationsServerAndAMissingOneLookMissing() {
            givenServer()
                    .when(new UpdateMcpServerCommand(SERVER_ID, OTHER_ORGANIZATION_ID, NAME, "sse", URL, null, null,
                            null))
                    .expectException(refusedWith(IdKind.MCP_SERVER.notFoundCode()));
            givenServer()
                    .when(new SuspendMcpServerCommand(SERVER_ID, OTHER_ORGANIZATION_ID, null))
                    .expectException(refusedWith(IdKind.MCP_SERVER.notFoundCode()));
            fixture.givenNoPriorActivity()
                    .when(new ResumeMcpServerCommand(SERVER_ID, ORGANIZATION_ID))
                    .expectException(refusedWith(IdKind.MCP_SERVER.notFoundCode()));
        }
    }

    @Nested
    class SuspendingAndDeregistering {

        @Test
        void suspendsOnceWithItsReasonAndResumesOnce() {
            givenServer()
                    .when(new SuspendMcpServerCommand(SERVER_ID, ORGANIZATION_ID, " Leaking tokens "))
                    .expectEvents(new McpServerSuspendedEvent(SERVER_ID, ORGANIZATION_ID, "Leaking tokens"));
            givenServer(new McpServerSuspendedEvent(SERVER_ID, ORGANIZATION_ID, ""))
                    .when(new SuspendMcpServerCommand(SERVER_ID, ORGANIZATION_ID, "again"))
                    .expectNoEvents();
            givenServer(new McpServerSuspendedEvent(SERVER_ID, ORGANIZATION_ID, ""))
                    .when(new ResumeMcpServerCommand(SERVER_ID, ORGANIZATION_ID))
                    .expectEvents(new McpServerResumedEvent(SERVER_ID, ORGANIZATION_ID));
            givenServer()
                    .when(new ResumeMcpServerCommand(SERVER_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAnOverlongOrHiddenReason() {
            givenServer()
                    .when(new SuspendMcpServerCommand(SERVER_ID, ORGANIZATION_ID, "r".repeat(501)))
                    .expectException(refusedWith(INVALID_SUSPENSION_REASON));
            givenServer()
                    .when(new SuspendMcpServerCommand(SERVER_ID, ORGANIZATION_ID, "zero\u200Bwidth"))
                    .expectException(refusedWith(INVALID_SUSPENSION_REASON));
        }

        @Test
        void deregisteringFreesTheName() {
            givenServer(new McpServerSuspendedEvent(SERVER_ID, ORGANIZATION_ID, ""))
                    .when(new DeregisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID))
                    .expectEvents(new McpServerDeregisteredEvent(SERVER_ID, ORGANIZATION_ID, NAME));
            assertThat(names.anyIn(McpServerRules.nameScope(ORGANIZATION_ID))).isFalse();
        }

        @Test
        void aDeregisteredServerRefusesEveryCommand() {
            McpServerDeregisteredEvent gone = new McpServerDeregisteredEvent(SERVER_ID, ORGANIZATION_ID, NAME);
            for (Object command : List.of(update(NAME, null, null),
                    new SuspendMcpServerCommand(SERVER_ID, ORGANIZATION_ID, null),
                    new ResumeMcpServerCommand(SERVER_ID, ORGANIZATION_ID),
                    new DeregisterMcpServerCommand(SERVER_ID, ORGANIZATION_ID),
                    new RecordToolListCommand(SERVER_ID, ORGANIZATION_ID, List.of()),
                    new ApproveToolDefinitionCommand(SERVER_ID, ORGANIZATION_ID, "echo", "sha256:" + "0".repeat(64),
                            ALICE))) {
                fixture.given(registered(), gone)
                        .when(command)
                        .expectException(refusedWith(SERVER_DEREGISTERED))
                        .expectExceptionMessage("The server 'GitHub' was deregistered; register it again to use it")
                        .expectNoEvents();
            }
        }
    }
}
