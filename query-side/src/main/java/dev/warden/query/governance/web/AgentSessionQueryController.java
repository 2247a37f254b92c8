package dev.warden.query.governance.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.governance.AgentSessionQueries;
import dev.warden.query.governance.AgentSessionView;
import dev.warden.query.governance.ApprovalView;
import dev.warden.query.governance.DecisionQueries;
import dev.warden.query.governance.DecisionView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import dev.warden.query.support.TextParameters;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of an organization's agent sessions with their counters, the decisions on their tool calls (hashes
 * of the arguments, never the arguments) and the approvals of held calls. Each accepts {@code minPosition};
 * another organization's session, decision or approval looks missing.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class AgentSessionQueryController {

    private final AgentSessionQueries sessions;
    private final DecisionQueries decisions;
    private final ReadGuard guard;

    AgentSessionQueryController(AgentSessionQueries sessions, DecisionQueries decisions, ReadGuard guard) {
        this.sessions = sessions;
        this.decisions = decisions;
        this.guard = guard;
    }

    /** The organization's sessions, newest first, optionally of one {@code status} (open, terminated, closed). */
    @Requires("agent-sessions:read")
    @GetMapping("/agent-sessions")
    Page<AgentSessionView> sessions(@PathVariable String orgId, @RequestParam(required = false) String status,
                                    PageParameters list) {
        String wanted = AgentSessionQueries.sessionStatus(status);
        return guard.organizationPage(orgId, list, page -> sessions.sessions(orgId, wanted, page));
    }

    @Requires("agent-sessions:read")
    @GetMapping("/agent-sessions/{agentSessionId}")
    AgentSessionView session(@PathVariable String orgId, @PathVariable String agentSessionId,
                             @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return sessions.session(orgId, agentSessionId).orElseThrow(() -> IdKind.AGENT_SESSION.notFound(agentSessionId));
    }

    /** A session's decisions, newest first. */
    @Requires("agent-sessions:read")
    @GetMapping("/agent-sessions/{agentSessionId}/decisions")
    Page<DecisionView> sessionDecisions(@PathVariable String orgId, @PathVariable String agentSessionId,
                                        PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            sessions.session(orgId, agentSessionId).orElseThrow(() -> IdKind.AGENT_SESSION.notFound(agentSessionId));
            return decisions.ofSession(orgId, agentSessionId, page);
        });
    }

    /**
     * The organization's decisions, newest first, optionally of one {@code outcome} (allow, deny, alert,
     * approval-required) and made from {@code from} (inclusive) to {@code to} (exclusive, ISO-8601 instants).
     */
    @Requires("agent-sessions:read")
    @GetMapping("/decisions")
    Page<DecisionView> decisions(@PathVariable String orgId, @RequestParam(required = false) String outcome,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to, PageParameters list) {
        String wanted = DecisionQueries.outcome(outcome);
        Instant since = TextParameters.instant("from", from);
        Instant until = TextParameters.instant("to", to);
        return guard.organizationPage(orgId, list, page -> decisions.ofOrganization(orgId, wanted, since, until, page));
    }

    @Requires("agent-sessions:read")
    @GetMapping("/decisions/{decisionId}")
    DecisionView decision(@PathVariable String orgId, @PathVariable String decisionId,
                          @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return decisions.decision(orgId, decisionId).orElseThrow(() -> IdKind.DECISION.notFound(decisionId));
    }

    /** The organization's approvals, newest first, optionally of one {@code status} (pending, granted, ...). */
    @Requires("agent-sessions:read")
    @GetMapping("/approvals")
    Page<ApprovalView> approvals(@PathVariable String orgId, @RequestParam(required = false) String status,
                                 PageParameters list) {
        String wanted = AgentSessionQueries.approvalStatus(status);
        return guard.organizationPage(orgId, list, page -> sessions.approvals(orgId, wanted, page));
    }

    @Requires("agent-sessions:read")
    @GetMapping("/approvals/{approvalId}")
    ApprovalView approval(@PathVariable String orgId, @PathVariable String approvalId,
                          @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return sessions.approval(orgId, approvalId).orElseThrow(() -> IdKind.APPROVAL.notFound(approvalId));
    }
}
