package dev.warden.command.governance;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.DueCommands;
import dev.warden.command.support.RequestContext;
import dev.warden.events.governance.CloseAgentSessionCommand;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.ExpireApprovalCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.GrantApprovalCommand;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.RejectApprovalCommand;
import dev.warden.events.governance.TerminateAgentSessionCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.TextRule;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Agent sessions: opened on a registered server (and looked at again when they may have gone idle),
 * their tool calls decided with the server's standing, the caller's roles and the organization's rules,
 * approvals granted, denied or expired, sessions terminated and closed. A decision that opens an
 * approval schedules its expiry; a decision in time drops it. Another organization's session looks
 * missing.
 */
@Component
class AgentSessionCommandHandler {

    static final int MAX_TOOL_NAME_LENGTH = 128;
    static final int MAX_AGENT_NAME_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 1000;
    private static final TextRule TOOL_NAME = TextRule.line(GovernanceErrorCode.INVALID_TOOL_CALL, "A tool name",
            MAX_TOOL_NAME_LENGTH);
    private static final TextRule AGENT_NAME = new TextRule(GovernanceErrorCode.INVALID_AGENT_SESSION,
            "An agent name", MAX_AGENT_NAME_LENGTH, true, false);
    private static final TextRule REASON = TextRule.paragraph(GovernanceErrorCode.INVALID_AGENT_SESSION, "A reason",
            MAX_REASON_LENGTH);

    private final Repository<AgentSession> sessions;
    private final ServerGate gate;
    private final CallerRoles roles;
    private final RuleBook rules;
    private final ArgumentSeal seal;
    private final DueCommands due;
    private final Clock clock;
    private final AgentSessionSettings settings;

    AgentSessionCommandHandler(@Qualifier("agentSessionRepository") Repository<AgentSession> sessions,
                               ServerGate gate, CallerRoles roles, RuleBook rules, ArgumentSeal seal,
                               DueCommands due, Clock clock, AgentSessionSettings settings) {
        this.sessions = sessions;
        this.gate = gate;
        this.roles = roles;
        this.rules = rules;
        this.seal = seal;
        this.due = due;
        this.clock = clock;
        this.settings = settings;
    }

    /** Opens a session on a server of the organization that is not deregistered, and plans its first idle look. */
    @CommandHandler
    void handle(OpenAgentSessionCommand command) throws Exception {
        String agentName = optional(AGENT_NAME.check(command.agentName()));
        String aiSystem = command.aiSystemId() == null ? null : IdKind.AI_SYSTEM.require(command.aiSystemId());
        if (command.mcpServerId() == null) {
            throw new DomainException(GovernanceErrorCode.INVALID_AGENT_SESSION, "An agent session needs an MCP server");
        }
        ServerGate.ServerState server = gate.state(command.organizationId(),
                IdKind.MCP_SERVER.require(command.mcpServerId()));
        if (server.status() == ServerGate.Status.DEREGISTERED) {
            throw new DomainException(GovernanceErrorCode.SERVER_DEREGISTERED,
                    "The MCP server was deregistered; no session opens on it");
        }
        sessions.newInstance(() -> new AgentSession(command, agentName, aiSystem));
        scheduleIdleLook(command.agentSessionId(), command.organizationId(),
                clock.instant().plus(settings.idleTimeout()));
    }

    /** Decides a tool call of the session's caller and answers the decision; the arguments enter the log sealed. */
    @CommandHandler
    Decision handle(DecideToolCallCommand command, @MetaDataValue(RequestContext.ACTOR_TYPE) String actorType,
                    @MetaDataValue(RequestContext.ACTOR_ID) String actorId) {
        String toolName = TOOL_NAME.check(command.toolName());
        if (!IdKind.DECISION.matches(command.decisionId())) {
            throw new DomainException(GovernanceErrorCode.INVALID_TOOL_CALL, "A decision needs a new decision id");
        }
        CallArguments arguments = CallArguments.of(command.arguments());
        Aggregate<AgentSession> session = load(command.agentSessionId(), command.organizationId());
        session.execute(s -> s.requireCaller(actorType, actorId));
        ToolCall call = new ToolCall(command.decisionId(), toolName, arguments,
                seal.seal(command.organizationId(), command.agentSessionId(), command.decisionId(),
                        arguments.canonicalJson()));
        Deciding with = new Deciding(gate, roles, rules, clock.instant(),
                settings.approvalTtl());
        Decided decided = session.invoke(s -> s.decide(call, with));
        Decision decision = decided.decision();
        if (decided.opensApproval()) {
            due.schedule(expiryKey(decision.approvalId()), decision.approvalExpiresAt(),
                    new ExpireApprovalCommand(command.agentSessionId(), command.organizationId(),
                            decision.approvalId()));
        }
        return decision;
    }

    @CommandHandler
    void handle(GrantApprovalCommand command) {
        String reason = optional(REASON.check(command.reason()));
        load(command.agentSessionId(), command.organizationId())
                .execute(s -> s.settle(command.approvalId(), SessionApprovals.Status.GRANTED, command.decidedBy(), reason,
                        clock.instant()));
        due.cancel(expiryKey(command.approvalId()));
    }

    @CommandHandler
    void handle(RejectApprovalCommand command) {
        String reason = optional(REASON.check(command.reason()));
        load(command.agentSessionId(), command.organizationId())
                .execute(s -> s.settle(command.approvalId(), SessionApprovals.Status.REJECTED, command.decidedBy(), reason,
                        clock.instant()));
        due.cancel(expiryKey(command.approvalId()));
    }

    @CommandHandler
    void handle(ExpireApprovalCommand command) {
        load(command.agentSessionId(), command.organizationId())
                .execute(s -> s.expire(command.approvalId(), clock.instant()));
    }

    /** Terminates a session: a member's kill switch for any session, an API key's for its own only. */
    @CommandHandler
    void handle(TerminateAgentSessionCommand command, @MetaDataValue(RequestContext.ACTOR_TYPE) String actorType,
                @MetaDataValue(RequestContext.ACTOR_ID) String actorId) {
        String reason = REASON.required().check(command.reason());
        Aggregate<AgentSession> session = load(command.agentSessionId(), command.organizationId());
        requireEnder(session, actorType, actorId);
        session.execute(s -> s.terminate(reason));
        due.cancel(idleKey(command.agentSessionId()));
    }

    /**
     * Closes a session: at once at its agent's word (or a member's); for inactivity only once it has been
     * idle long enough, else the look is planned again for when it will be.
     */
    @CommandHandler
    void handle(CloseAgentSessionCommand command, @MetaDataValue(RequestContext.ACTOR_TYPE) String actorType,
                @MetaDataValue(RequestContext.ACTOR_ID) String actorId) {
        Aggregate<AgentSession> session = load(command.agentSessionId(), command.organizationId());
        if (!command.idle()) {
            requireEnder(session, actorType, actorId);
            session.execute(AgentSession::close);
            due.cancel(idleKey(command.agentSessionId()));
            return;
        }
        session.invoke(s -> s.closeIfIdle(clock.instant(), settings.idleTimeout()))
                .ifPresent(idleAt -> scheduleIdleLook(command.agentSessionId(), command.organizationId(), idleAt));
    }

    /**
     * Checks that the one ending a session may: a member (the kill switch) or the service may end any
     * session of the organization, an API key only its own; another key's session looks missing.
     */
    private static void requireEnder(Aggregate<AgentSession> session, String actorType, String actorId) {
        if (Actor.API_KEY.equals(actorType)) {
            session.execute(s -> s.requireCaller(actorType, actorId));
        }
    }

    private void scheduleIdleLook(String agentSessionId, String organizationId, Instant at) {
        due.schedule(idleKey(agentSessionId), at, new CloseAgentSessionCommand(agentSessionId, organizationId, true));
    }

    /** What an approval's expiry is scheduled under. */
    static String expiryKey(String approvalId) {
        return "approval-expiry:" + approvalId;
    }

    /** What a session's next look for inactivity is scheduled under. */
    static String idleKey(String agentSessionId) {
        return "agent-session-idle:" + agentSessionId;
    }

    private static String optional(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The session, if it is the organization's; another organization's session looks missing. */
    private Aggregate<AgentSession> load(String agentSessionId, String organizationId) {
        Aggregate<AgentSession> session = Aggregates.load(sessions, IdKind.AGENT_SESSION.require(agentSessionId));
        session.execute(s -> s.requireIn(organizationId));
        return session;
    }
}
