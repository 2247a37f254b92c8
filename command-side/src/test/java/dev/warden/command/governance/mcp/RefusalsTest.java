package dev.warden.command.governance.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.governance.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

/** Which code a refused call gets: the state of the server or session, or a rule, default or held tool. */
class RefusalsTest {

    @Test
    void anEndedSessionOrASuspendedOrDeregisteredServerIsUnavailable() {
        for (String reason : new String[] {"Denied: the agent session was terminated: the agent looped",
                "Denied: the agent session was closed for inactivity", "Denied: MCP server mcp_1 is suspended",
                "Denied: MCP server mcp_1 is deregistered"}) {
            assertThat(code(null, reason)).as(reason).isEqualTo(JsonRpc.UNAVAILABLE);
        }
    }

    @Test
    void aRuleTheDefaultOrAHeldToolIsADenialWhateverWordsItsReasonHolds() {
        assertThat(code("pol_1", "Matched rule 'suspended' of policy pol_1 version 1: deny")).isEqualTo(JsonRpc.DENIED);
        assertThat(code(null, "No rule matched; the organization's default is deny")).isEqualTo(JsonRpc.DENIED);
        assertThat(code(null, "Denied: tool 'is suspended' is held: its definition changed and waits for a member"))
                .isEqualTo(JsonRpc.DENIED);
    }

    private static int code(String policyId, String reason) {
        return Refusals.of(IntNode.valueOf(1), FakeGovernance.decision("echo", Outcome.DENY, policyId, null, reason))
                .get("error").get("code").asInt();
    }
}
