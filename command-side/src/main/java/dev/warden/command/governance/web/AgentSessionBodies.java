package dev.warden.command.governance.web;

import dev.warden.command.governance.ExactJson;
import dev.warden.events.governance.OpenAgentSessionCommand;
import dev.warden.events.shared.Actor;
import jakarta.validation.constraints.Size;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Bodies of the agent session and decision endpoints. Bean validation caps the sizes; the session
 * checks names, ids and arguments, and a refusal never quotes an argument.
 */
final class AgentSessionBodies {

    private AgentSessionBodies() {
    }

    /** A session to open on {@code mcpServerId}, for the caller of the request. */
    record Open(@Size(max = 64) String mcpServerId, @Size(max = 1000) String agentName,
                @Size(max = 64) String aiSystemId) {

        /** The command opening session {@code agentSessionId} as {@code actor}: its API key and user. */
        OpenAgentSessionCommand command(String orgId, String agentSessionId, Actor actor) {
            return new OpenAgentSessionCommand(agentSessionId, orgId, mcpServerId, agentName,
                    actor.isUser() ? null : actor.id(), actor.userId(), aiSystemId);
        }
    }

    /**
     * A tool call to decide: in session {@code agentSessionId}, or in a new session of the caller on
     * {@code mcpServerId} (named {@code agentName}, for {@code aiSystemId}); the arguments are read with
     * their numbers exact, so the hash that binds an approval tells every number apart.
     */
    record Decide(@Size(max = 64) String agentSessionId, @Size(max = 64) String mcpServerId,
                  @Size(max = 1000) String agentName, @Size(max = 64) String aiSystemId,
                  @Size(max = 1000) String tool,
                  @JsonDeserialize(using = ExactJson.Arguments.class) Map<String, Object> arguments) {

        /** Whether the call opens a session first. */
        boolean opensSession() {
            return agentSessionId == null;
        }

        Open open() {
            return new Open(mcpServerId, agentName, aiSystemId);
        }
    }

    /** Why a session is terminated. */
    record Terminate(@Size(max = 10_000) String reason) {
    }

    /** Why an approval is granted or denied, if a reason is given. */
    record Reason(@Size(max = 10_000) String reason) {
    }
}
