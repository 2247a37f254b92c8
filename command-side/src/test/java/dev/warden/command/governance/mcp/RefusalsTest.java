package dev.warden.command.governance.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

/** Which code a refused call gets: the state of the server or session, or a rule, default or held tool. */
class RefusalsTest {

    @Test
    void anEndedSessionOrASuspendedOrDeregisteredServerIsUnavailable() {
        assertThat(code(null, "Denied: the agent session was closed", DecisionBasis.SESSION))
                .isEqualTo(JsonRpc.UNAVAILABLE);
        assertThat(code(null, "Denied: MCP server mcp_1 is suspended", DecisionBasis.SERVER))
                .isEqualTo(JsonRpc.UNAVAILABLE);
    }

    @Test
    void aRuleTheDefaultAHeldToolOrADeniedApprovalIsADenialWhateverWordsItsReasonHolds() {
        assertThat(code("pol_1", "Denied: MCP server mcp_1 is suspended", DecisionBasis.RULE))
                .isEqualTo(JsonRpc.DENIED);
        assertThat(code(null, "Denied: the agent session was closed", DecisionBasis.DEFAULT))
                .isEqualTo(JsonRpc.DENIED);
        assertThat(code(null, "Denied: tool 'echo' is held", DecisionBasis.HELD_TOOL)).isEqualTo(JsonRpc.DENIED);
        assertThat(code(null, "Denied: approval apv_1 was denied", DecisionBasis.APPROVAL)).isEqualTo(JsonRpc.DENIED);
    }

    private static int code(String policyId, String reason, DecisionBasis basis) {
        return Refusals.of(IntNode.valueOf(1), FakeGovernance.decision("echo", Outcome.DENY, policyId, null, reason,
                basis)).get("error").get("code").asInt();
    }
}
