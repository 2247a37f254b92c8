package dev.warden.command.governance;

import static dev.warden.command.governance.GovernanceTestData.id;

import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.command.support.Secrets;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the agent session tests share: an API key of Alice's runs agent "claude" in a session on the
 * files server of Acme, a fixture of the session run by its handler with stand-in seams, and the
 * events such a session records.
 */
abstract class AgentSessionFixture {

    static final String ORG = id(IdKind.ORGANIZATION, "acme");
    static final String OTHER_ORG = id(IdKind.ORGANIZATION, "globex");
    static final String SESSION = id(IdKind.AGENT_SESSION, "claude");
    static final String SERVER = id(IdKind.MCP_SERVER, "files");
    static final String KEY = id(IdKind.API_KEY, "runner");
    static final String ALICE = id(IdKind.USER, "alice");
    static final String BOB = id(IdKind.USER, "bob");
    static final String POLICY = id(IdKind.POLICY, "files");
    static final String FIRST = id(IdKind.DECISION, "first");
    static final String SECOND = id(IdKind.DECISION, "second");
    static final String FIRST_APPROVAL = id(IdKind.APPROVAL, "first");
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Map<String, Object> HOSTS = Map.of("path", "/etc/hosts");
    /** The SHA-256 of {@code {"path":"/etc/hosts"}}, the canonical form of {@link #HOSTS}. */
    static final String HOSTS_HASH = sha256("{\"path\":\"/etc/hosts\"}");
    static final Map<String, Object> AS_KEY = Map.of("actorType", Actor.API_KEY, "actorId", KEY);

    AggregateTestFixture<AgentSession> fixture;
    MutableClock clock;
    RecordingDueCommands due;
    AgentSessionTestData.Gate gate;
    AgentSessionTestData.Roles roles;
    AgentSessionTestData.Rules rules;
    AgentSessionTestData.Seal seal;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(AgentSession.class);
        clock = new MutableClock(NOW);
        due = new RecordingDueCommands();
        gate = new AgentSessionTestData.Gate(SERVER, ORG);
        roles = new AgentSessionTestData.Roles();
        rules = new AgentSessionTestData.Rules();
        seal = new AgentSessionTestData.Seal();
        fixture.registerAnnotatedCommandHandler(AgentSessionTestData.handler(fixture.getRepository(), gate, roles, rules,
                seal, due, clock));
        fixture.setReportIllegalStateChange(true);
    }

    static String sha256(String text) {
        return Secrets.sha256(text);
    }

    static AgentSessionOpenedEvent opened() {
        return new AgentSessionOpenedEvent(SESSION, ORG, SERVER, "claude", KEY, ALICE, null);
    }

    static DecideToolCallCommand decide(String decisionId, String tool, Map<String, Object> arguments) {
        return new DecideToolCallCommand(SESSION, ORG, decisionId, tool, arguments);
    }

    /** The decision {@code decisionId} of {@code read_file} on {@link #HOSTS} as a rule of {@link #POLICY} v1 made it. */
    static ToolCallDecidedEvent ruled(String decisionId, Outcome outcome, String rule, Effect monitored,
                                      String approvalId, String reason, List<String> roleIds) {
        return new ToolCallDecidedEvent(SESSION, ORG, decisionId, SERVER, "read_file", HOSTS_HASH,
                AgentSessionTestData.Seal.sealedFor(ORG, SESSION, decisionId), ALICE, KEY, null, roleIds, outcome,
                POLICY, 1, rule, monitored, approvalId, reason, DecisionBasis.RULE);
    }

    /** The decision {@code decisionId} of {@code read_file} on {@link #HOSTS} that no rule made. */
    static ToolCallDecidedEvent unruled(String decisionId, Outcome outcome, String approvalId, String reason) {
        return new ToolCallDecidedEvent(SESSION, ORG, decisionId, SERVER, "read_file", HOSTS_HASH,
                AgentSessionTestData.Seal.sealedFor(ORG, SESSION, decisionId), ALICE, KEY, null, List.of(), outcome,
                null, null, null, null, approvalId, reason, basisOf(reason));
    }

    /** What made a decision no rule made, as its reason's first words say. */
    private static DecisionBasis basisOf(String reason) {
        return reason.startsWith("No rule matched") ? DecisionBasis.DEFAULT
                : reason.startsWith("Denied: the agent session") ? DecisionBasis.SESSION
                : reason.startsWith("Denied: MCP server") ? DecisionBasis.SERVER
                : reason.startsWith("Denied: tool") ? DecisionBasis.HELD_TOOL
                : DecisionBasis.APPROVAL;
    }

    /** The approval {@link #FIRST} opened by rule "ask" of {@link #POLICY} v1, pending until {@code expiresAt}. */
    static ApprovalRequestedEvent approvalRequested(Instant expiresAt) {
        return new ApprovalRequestedEvent(SESSION, ORG, FIRST_APPROVAL, FIRST, SERVER, "read_file", HOSTS_HASH, POLICY,
                1, "ask", expiresAt);
    }

    /** What rule "ask" answered for {@link #FIRST}: wait for {@link #FIRST_APPROVAL} until {@code expiresAt}. */
    static ToolCallDecidedEvent askedFirst(Instant expiresAt) {
        return ruled(FIRST, Outcome.APPROVAL_REQUIRED, "ask", null, FIRST_APPROVAL, "Matched rule 'ask' of policy "
                + POLICY + " version 1: require-approval; approval " + FIRST_APPROVAL + " waits for a member until "
                + expiresAt, List.of());
    }
}
