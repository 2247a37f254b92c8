package dev.warden.command.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.RequestContext;
import dev.warden.events.governance.AgentSessionClosedEvent;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.ApprovalExpiredEvent;
import dev.warden.events.governance.ApprovalGrantedEvent;
import dev.warden.events.governance.ApprovalRejectedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An AI agent's session with one MCP server of an organization, as one caller (API key, user, AI
 * system): every tool call it asks for is decided and recorded here, and a call a rule holds for a
 * member opens an approval bound to that exact call (server, tool, hash of the arguments). A session
 * is open until it is terminated (the kill switch) or closed (by its agent, or for inactivity); after
 * that every call is denied, still recorded. The approvals live in {@link SessionApprovals}.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class AgentSession {

    enum Status { OPEN, TERMINATED, CLOSED }

    @AggregateIdentifier
    private String agentSessionId;
    private String organizationId;
    private String mcpServerId;
    private String apiKeyId;
    private String userId;
    private String aiSystemId;
    private Status status;
    private boolean closedIdle;
    private String terminationReason;
    private Instant lastActivity;
    private SessionApprovals approvals = new SessionApprovals();

    protected AgentSession() {
    }

    /** Opens the session; the handler has checked the server and the texts. */
    AgentSession(OpenAgentSessionCommand command, String agentName, String aiSystem) {
        apply(new AgentSessionOpenedEvent(command.agentSessionId(), command.organizationId(), command.mcpServerId(),
                agentName, command.apiKeyId(), command.userId(), aiSystem));
    }

    /** Checks the session belongs to {@code organization}; another organization's looks missing. */
    void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.AGENT_SESSION.notFound(agentSessionId);
        }
    }

    /**
     * Checks that the one asking for a decision is the session's caller (its API key, or its user when
     * it has no key), or the service itself: a session lends nobody else its caller's rules, so another
     * caller's session looks missing.
     */
    void requireCaller(String actorType, String actorId) {
        boolean own = RequestContext.SYSTEM.equals(actorType)
                || Actor.API_KEY.equals(actorType) && actorId != null && actorId.equals(apiKeyId)
                || Actor.USER.equals(actorType) && apiKeyId == null && actorId != null && actorId.equals(userId);
        if (!own) {
            throw IdKind.AGENT_SESSION.notFound(agentSessionId);
        }
    }

    /** Why the session takes no more calls, as a decision says it; {@code null} while it is open. */
    String endedReason() {
        Ruling ended = Ruling.ofEnded(status, closedIdle, terminationReason);
        return ended == null ? null : ended.reason();
    }

    /**
     * Decides {@code call} and records the decision: an ended session, a suspended or deregistered
     * server or a held tool deny; else the session's approval of the same call answers (granted: allow,
     * denied: deny, pending: wait for it); else the organization's rules, and a rule that requires
     * approval opens one, named after the decision.
     */
    Decided decide(ToolCall call, Deciding with) {
        Ruling ruling = Ruling.ofEnded(status, closedIdle, terminationReason);
        if (ruling == null) {
            ruling = Ruling.ofServer(with.gate().state(organizationId, mcpServerId), call.toolName());
        }
        if (ruling == null) {
            ruling = approvals.rulingFor(call.toolName(), call.arguments().hash(), with.now(),
                    lapsed -> apply(new ApprovalExpiredEvent(agentSessionId, organizationId, lapsed)));
        }
        List<String> roleIds = List.of();
        boolean opensApproval = false;
        if (ruling == null) {
            Set<String> roles = with.roles().roleIds(organizationId, userId, apiKeyId);
            roleIds = roles.stream().sorted().toList();
            PolicySet.Verdict verdict = with.rules().current(organizationId).evaluate(new PolicySet.Call(mcpServerId,
                    call.toolName(), call.arguments().values(), userId, apiKeyId, aiSystemId, roles));
            opensApproval = verdict.effect() == Effect.REQUIRE_APPROVAL;
            ruling = Ruling.ofRules(verdict, call.decisionId(), with.now().plus(with.approvalTtl()));
        }
        apply(new ToolCallDecidedEvent(agentSessionId, organizationId, call.decisionId(), mcpServerId,
                call.toolName(), call.arguments().hash(), call.sealed(), userId, apiKeyId, aiSystemId, roleIds,
                ruling.outcome(), ruling.policyId(), ruling.policyVersion(), ruling.ruleName(),
                ruling.monitoredEffect(), ruling.approvalId(), ruling.reason(), ruling.basis()));
        if (opensApproval) {
            apply(new ApprovalRequestedEvent(agentSessionId, organizationId, ruling.approvalId(), call.decisionId(),
                    mcpServerId, call.toolName(), call.arguments().hash(), ruling.policyId(), ruling.policyVersion(),
                    ruling.ruleName(), ruling.approvalExpiresAt()));
        }
        return new Decided(ruling.answer(call.decisionId(), agentSessionId, mcpServerId, call.toolName(),
                call.arguments().hash()), opensApproval);
    }

    /** Grants ({@code to} GRANTED) or denies (REJECTED) a pending approval; deciding it so again changes nothing. */
    void settle(String approvalId, SessionApprovals.Status to, String decidedBy, String reason, Instant now) {
        if (approvals.require(approvalId, to, now)) {
            requireOpen();
            apply(to == SessionApprovals.Status.GRANTED
                    ? new ApprovalGrantedEvent(agentSessionId, organizationId, approvalId, decidedBy, reason)
                    : new ApprovalRejectedEvent(agentSessionId, organizationId, approvalId, decidedBy, reason));
        }
    }

    /** Expires the approval if it is still pending at its time; otherwise nothing happens. */
    void expire(String approvalId, Instant now) {
        if (approvals.expires(approvalId, now)) {
            apply(new ApprovalExpiredEvent(agentSessionId, organizationId, approvalId));
        }
    }

    /** Terminates the session; terminating it again changes nothing, a closed session stays closed. */
    void terminate(String reason) {
        if (ending(Status.TERMINATED)) {
            apply(new AgentSessionTerminatedEvent(agentSessionId, organizationId, reason));
        }
    }

    /** Closes the session at its agent's word; closing it again changes nothing. */
    void close() {
        if (ending(Status.CLOSED)) {
            apply(new AgentSessionClosedEvent(agentSessionId, organizationId, false));
        }
    }

    /**
     * Closes the open session if it has been idle for {@code idleTimeout} at {@code now}; if it was active
     * since, answers when it will be idle, to look again then. An ended session needs no more looks.
     */
    Optional<Instant> closeIfIdle(Instant now, Duration idleTimeout) {
        if (status != Status.OPEN) {
            return Optional.empty();
        }
        Instant idleAt = lastActivity.plus(idleTimeout);
        if (now.isBefore(idleAt)) {
            return Optional.of(idleAt);
        }
        apply(new AgentSessionClosedEvent(agentSessionId, organizationId, true));
        return Optional.empty();
    }

    /** Whether ending the session as {@code target} records anything: not when it ended so already; refused otherwise. */
    private boolean ending(Status target) {
        if (status == target) {
            return false;
        }
        requireOpen();
        return true;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new DomainException(GovernanceErrorCode.AGENT_SESSION_ENDED, "The agent session was "
                    + status.name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
    }

    @EventSourcingHandler
    void on(AgentSessionOpenedEvent event, @Timestamp Instant at) {
        agentSessionId = event.agentSessionId();
        organizationId = event.organizationId();
        mcpServerId = event.mcpServerId();
        apiKeyId = event.apiKeyId();
        userId = event.userId();
        aiSystemId = event.aiSystemId();
        status = Status.OPEN;
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(ToolCallDecidedEvent event, @Timestamp Instant at) {
        lastActivity = at;
    }

    @EventSourcingHandler
    void on(ApprovalRequestedEvent event) {
        approvals.requested(event.approvalId(), event.toolName(), event.argumentsHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(ApprovalGrantedEvent event) {
        approvals.settled(event.approvalId(), SessionApprovals.Status.GRANTED);
    }

    @EventSourcingHandler
    void on(ApprovalRejectedEvent event) {
        approvals.settled(event.approvalId(), SessionApprovals.Status.REJECTED);
    }

    @EventSourcingHandler
    void on(ApprovalExpiredEvent event) {
        approvals.settled(event.approvalId(), SessionApprovals.Status.EXPIRED);
    }

    @EventSourcingHandler
    void on(AgentSessionTerminatedEvent event) {
        status = Status.TERMINATED;
        terminationReason = event.reason();
    }

    @EventSourcingHandler
    void on(AgentSessionClosedEvent event) {
        status = Status.CLOSED;
        closedIdle = event.idle();
    }
}
