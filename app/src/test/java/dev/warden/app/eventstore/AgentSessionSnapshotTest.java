package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.governance.AgentSession;
import dev.warden.events.governance.AgentSessionOpenedEvent;
import dev.warden.events.governance.AgentSessionTerminatedEvent;
import dev.warden.events.governance.ApprovalGrantedEvent;
import dev.warden.events.governance.ApprovalRequestedEvent;
import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.SealedArguments;
import dev.warden.events.governance.ToolCallDecidedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An agent session makes the round trip through a snapshot whole: its caller, its state and why it
 * ended, its last activity and its approvals with the call each is bound to come back as they were, so
 * a session loaded from its snapshot decides as the one built from its events.
 */
class AgentSessionSnapshotTest {

    private final SnapshotRoundTrips snapshots = new SnapshotRoundTrips();

    @Test
    void aSessionWithApprovalsComesBackWhole() {
        String sessionId = IdKind.AGENT_SESSION.next();
        String decisionId = IdKind.DECISION.next();
        String approvalId = IdKind.APPROVAL.next();
        String hash = "c".repeat(64);
        snapshots.given(AgentSession.class, sessionId,
                new AgentSessionOpenedEvent(sessionId, "org_a", "mcp_s", "claude", "key_k", "usr_u", "ais_x"),
                new ToolCallDecidedEvent(sessionId, "org_a", decisionId, "mcp_s", "read_file", hash,
                        new SealedArguments("c2VhbGVk"), "usr_u", "key_k", "ais_x", List.of("role_r"),
                        Outcome.APPROVAL_REQUIRED, "pol_p", 2, "ask", null, approvalId, "waits", DecisionBasis.RULE),
                new ApprovalRequestedEvent(sessionId, "org_a", approvalId, decisionId, "mcp_s", "read_file", hash,
                        "pol_p", 2, "ask", Instant.parse("2026-03-01T10:15:00Z")),
                new ApprovalGrantedEvent(sessionId, "org_a", approvalId, "usr_b", "fine"),
                new AgentSessionTerminatedEvent(sessionId, "org_a", "runaway agent"));

        AgentSession built = snapshots.load(AgentSession.class, sessionId);
        AgentSession restored = snapshots.roundTrip(built);

        assertThat(restored).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialized(built))
                .contains("key_k", "ais_x", "TERMINATED", "runaway agent", approvalId, hash, "GRANTED", "read_file");
    }
}
