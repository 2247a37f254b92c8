package dev.warden.command.governance.mcp;

import dev.warden.command.governance.ServerAddresses;
import dev.warden.events.governance.Decision;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.DecideToolCallCommand;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.ToolDefinition;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The governance context as the proxy's tests need it: commands are kept, decisions are set per tool
 * (allow when none is set), and the server's standing is set by the test.
 */
final class FakeGovernance implements Governance {

    final List<Object> commands = new CopyOnWriteArrayList<>();
    final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    volatile Set<String> callable = Set.of();
    volatile RuntimeException recordRefusal;
    /** Why no traffic passes (a kill switch), or null; every question about it is counted. */
    volatile String refusal;
    final List<String> standingAsked = new CopyOnWriteArrayList<>();
    private final URI url;

    FakeGovernance(URI url) {
        this.url = url;
    }

    @Override
    public ServerAddresses.Upstream upstream(String organizationId, String mcpServerId) {
        return new ServerAddresses.Upstream(mcpServerId, organizationId, "streamable-http", url.toString(), null);
    }

    @Override
    public String refusal(String organizationId, String mcpServerId, String agentSessionId) {
        standingAsked.add(String.valueOf(agentSessionId));
        return refusal;
    }

    @Override
    public void open(OpenAgentSessionCommand command) {
        commands.add(command);
    }

    @Override
    public void close(String organizationId, String agentSessionId) {
        commands.add("close " + agentSessionId);
    }

    @Override
    public Set<String> record(String organizationId, String mcpServerId, List<ToolDefinition> tools) {
        commands.add(List.copyOf(tools));
        if (recordRefusal != null) {
            throw recordRefusal;
        }
        return callable;
    }

    @Override
    public Decision decide(DecideToolCallCommand command) {
        commands.add(command);
        Decision set = decisions.get(command.toolName());
        return set != null ? set : decision(command.toolName(), Outcome.ALLOW, null, null, "allowed");
    }

    static Decision decision(String tool, Outcome outcome, String policyId, String approvalId, String reason) {
        return decision(tool, outcome, policyId, approvalId, reason,
                policyId != null ? DecisionBasis.RULE : DecisionBasis.DEFAULT);
    }

    static Decision decision(String tool, Outcome outcome, String policyId, String approvalId, String reason,
                             DecisionBasis basis) {
        return new Decision("dec_1", "ags_1", "mcp_1", tool, "hash", outcome, policyId,
                policyId == null ? null : 3, policyId == null ? null : "no-env", null, approvalId,
                approvalId == null ? null : java.time.Instant.parse("2026-12-01T10:00:00Z"), reason, basis);
    }
}
