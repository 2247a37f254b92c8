package dev.warden.command.governance;

import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingDueCommands;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.SealedArguments;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.Repository;

/**
 * The seams an agent session's decisions read, as stand-ins a test sets: the server's standing, the
 * caller's roles, the organization's rules, and a seal that only marks what it sealed. Each counts
 * how often it was asked, so a test can tell which a decision read.
 */
final class AgentSessionTestData {

    static final Duration APPROVAL_TTL = Duration.ofMinutes(15);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private AgentSessionTestData() {
    }

    /** A server standing a test changes. */
    static final class Gate implements ServerGate {
        ServerState state;
        int asked;

        Gate(String mcpServerId, String organizationId) {
            state = new ServerState(mcpServerId, organizationId, Status.ACTIVE, Set.of("read_file"), Set.of());
        }

        Gate with(Status status, Set<String> held) {
            state = new ServerState(state.mcpServerId(), state.organizationId(), status, state.pinned(), held);
            return this;
        }

        @Override
        public ServerState state(String organizationId, String mcpServerId) {
            asked++;
            if (!state.organizationId().equals(organizationId) || !state.mcpServerId().equals(mcpServerId)) {
                throw IdKind.MCP_SERVER.notFound(mcpServerId);
            }
            return state;
        }
    }

    /** Role ids per user, for any organization. */
    static final class Roles implements CallerRoles {
        final Map<String, Set<String>> byUser = new HashMap<>();
        int asked;

        @Override
        public Set<String> roleIds(String organizationId, String userId, String apiKeyId) {
            asked++;
            return byUser.getOrDefault(userId, Set.of());
        }
    }

    /** The organization's rules: policies a test adds, and a default effect. */
    static final class Rules implements RuleBook {
        final List<PolicySet.Policy> policies = new ArrayList<>();
        Effect defaultEffect;
        int asked;

        /** Adds an enabled policy of version {@code version} with {@code rules}, after those added before. */
        Rules policy(String policyId, int version, PolicyMode mode, PolicyRule... rules) {
            policies.add(new PolicySet.Policy(policyId, version, 100, policies.size(), mode, true, List.of(rules)));
            return this;
        }

        @Override
        public PolicySet current(String organizationId) {
            asked++;
            return PolicySet.of(policies, defaultEffect);
        }
    }

    /** A rule on tool {@code tool} with {@code effect}, for any caller and arguments. */
    static PolicyRule rule(String name, String tool, Effect effect) {
        return new PolicyRule(name, null, null, tool, null, null, effect);
    }

    /** Marks the sealed text with its subject and associated data, so a test sees what it was bound to. */
    static final class Seal implements ArgumentSeal {
        final List<String> sealed = new ArrayList<>();

        @Override
        public SealedArguments seal(String organizationId, String agentSessionId, String decisionId,
                                    String canonicalJson) {
            sealed.add(canonicalJson);
            return sealedFor(organizationId, agentSessionId, decisionId);
        }

        static SealedArguments sealedFor(String organizationId, String agentSessionId, String decisionId) {
            return new SealedArguments("sealed:" + SealedArguments.subject(organizationId) + "|"
                    + SealedArguments.associatedData(agentSessionId, decisionId));
        }
    }

    /** The handler with these stand-ins, on {@code sessions}. */
    static AgentSessionCommandHandler handler(Repository<AgentSession> sessions, Gate gate, Roles roles,
                                              Rules rules, Seal seal, RecordingDueCommands due, MutableClock clock) {
        return new AgentSessionCommandHandler(sessions, gate, roles, rules, seal, due, clock,
                new AgentSessionSettings(APPROVAL_TTL, IDLE_TIMEOUT));
    }
}
