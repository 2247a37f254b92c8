package dev.warden.app.governance;

import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.McpServerRegisteredEvent;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.governance.ToolDefinitionChangedEvent;
import dev.warden.events.governance.ToolPinnedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organization's governance as the log records it: a server whose {@code echo} tool is held after a
 * changed definition, a policy at version 2 (allow {@code echo}, hold {@code pay} for approval), the default
 * set to deny, and a session with three decisions: {@code echo} allowed by the policy, {@code rm} denied by
 * the default, {@code pay} held, opening an approval. {@code position} is the last event's.
 */
record GovernanceWorld(String orgId, String serverId, String policyId, String sessionId, String allowedId,
                       String deniedId, String heldId, String approvalId, long position) {

    static final PolicyRule ALLOW_ECHO = new PolicyRule("allow-echo", null, null, "echo", null, null, Effect.ALLOW);
    static final PolicyRule HOLD_PAY = new PolicyRule("hold-pay", null, null, "pay", null, null,
            Effect.REQUIRE_APPROVAL);

    static GovernanceWorld create(GovernanceLog log, String orgId) {
        String serverId = IdKind.MCP_SERVER.next();
        String policyId = IdKind.POLICY.next();
        String sessionId = IdKind.AGENT_SESSION.next();
        String approvalId = IdKind.APPROVAL.next();
        log.append("McpServer", serverId, 0, new McpServerRegisteredEvent(serverId, orgId, "Everything",
                "streamable-http", "http://127.0.0.1:3001/mcp", null, null, Map.of("team", "platform")), orgId);
        log.append("McpServer", serverId, 1, new ToolPinnedEvent(serverId, orgId, "echo", "Echoes", "sha256:one"),
                orgId);
        log.append("McpServer", serverId, 2, new ToolDefinitionChangedEvent(serverId, orgId, "echo", "Echoes more",
                "sha256:one", "sha256:two"), orgId);
        log.append("Policy", policyId, 0, new PolicyCreatedEvent(policyId, orgId, "Tools", null, PolicyMode.ENFORCE, 10,
                List.of(ALLOW_ECHO)), orgId);
        log.append("Policy", policyId, 1, new PolicyRulesChangedEvent(policyId, orgId, 2, List.of(ALLOW_ECHO,
                HOLD_PAY)), orgId);
        log.append("GovernanceSettings", SetDefaultEffectCommand.settingsId(orgId), 0, new DefaultEffectSetEvent(
                SetDefaultEffectCommand.settingsId(orgId), orgId, Effect.DENY), orgId);
        log.append("AgentSession", sessionId, 0, new AgentSessionOpenedEvent(sessionId, orgId, serverId, "claude",
                null, "usr_governance_tester", null), orgId);
        ToolCallDecidedEvent allowed = decided(log, orgId, serverId, sessionId, "echo", Outcome.ALLOW, policyId,
                "allow-echo", null, "Matched rule 'allow-echo'");
        ToolCallDecidedEvent denied = decided(log, orgId, serverId, sessionId, "rm", Outcome.DENY, null, null, null,
                "No rule matched; the organization's default is deny");
        ToolCallDecidedEvent held = decided(log, orgId, serverId, sessionId, "pay", Outcome.APPROVAL_REQUIRED,
                policyId, "hold-pay", approvalId, "Matched rule 'hold-pay'");
        long sequence = 1;
        for (ToolCallDecidedEvent decision : List.of(allowed, denied, held)) {
            log.append("AgentSession", sessionId, sequence++, decision, orgId);
        }
        long position = log.append("AgentSession", sessionId, sequence, new ApprovalRequestedEvent(sessionId, orgId,
                approvalId, held.decisionId(), serverId, "pay", held.argumentsHash(), policyId, 2, "hold-pay",
                Instant.now().plusSeconds(900)), orgId);
        return new GovernanceWorld(orgId, serverId, policyId, sessionId, allowed.decisionId(), denied.decisionId(),
                held.decisionId(), approvalId, position);
    }

    /** The ids of this world, which another organization must never see. */
    List<String> ids() {
        return List.of(serverId, policyId, sessionId, allowedId, deniedId, heldId, approvalId);
    }

    private static ToolCallDecidedEvent decided(GovernanceLog log, String orgId, String serverId, String sessionId,
                                                String tool, Outcome outcome, String policyId, String rule,
                                                String approvalId, String reason) {
        String decisionId = IdKind.DECISION.next();
        return new ToolCallDecidedEvent(sessionId, orgId, decisionId, serverId, tool, "sha256-" + decisionId,
                log.seal(orgId, sessionId, decisionId, Map.of("text", "hello " + tool)), "usr_governance_tester",
                null, null, List.of(), outcome, policyId, policyId == null ? null : 2, rule, null, approvalId, reason,
                policyId == null ? DecisionBasis.DEFAULT : DecisionBasis.RULE);
    }
}
