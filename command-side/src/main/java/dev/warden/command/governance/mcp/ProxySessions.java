package dev.warden.command.governance.mcp;

import dev.warden.command.governance.AgentSessionSettings;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The proxy's sessions, in this process's memory: the log holds what happened in them (the agent
 * session's events), so after a restart, or on another instance, a session id is simply unknown and
 * the client initializes again, as the MCP transport asks of a client that gets 404. A session unused
 * for the idle time is forgotten here too.
 */
@Component
class ProxySessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ID_ENCODING = Base64.getUrlEncoder().withoutPadding();

    private final Map<String, ProxySession> sessions = new ConcurrentHashMap<>();
    private final Duration idle;

    ProxySessions(AgentSessionSettings settings) {
        this.idle = settings.idleTimeout();
    }

    /** A new session id: 32 random bytes, URL-safe Base64 (visible ASCII, as the transport requires). */
    static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ID_ENCODING.encodeToString(bytes);
    }

    void add(ProxySession session) {
        sessions.put(session.id(), session);
    }

    /**
     * The session {@code id} if {@code callerId} opened it on this organization's server; any other is
     * refused alike (404 MCP_SESSION_NOT_FOUND), so a session id is no use to another caller.
     */
    ProxySession find(String id, String organizationId, String mcpServerId, String callerId) {
        ProxySession session = id == null ? null : sessions.get(id);
        if (session == null || !session.belongsTo(organizationId, mcpServerId, callerId)) {
            throw new DomainException(GovernanceErrorCode.MCP_SESSION_NOT_FOUND,
                    "No MCP session with this Mcp-Session-Id here: send initialize to open one");
        }
        session.touch();
        return session;
    }

    void remove(ProxySession session) {
        sessions.remove(session.id(), session);
    }

    int size() {
        return sessions.size();
    }

    /** Forgets sessions unused for the idle time (their agent sessions close on their own by then). */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetIdle() {
        long cutOff = System.nanoTime() - idle.toNanos();
        sessions.values().removeIf(session -> session.idleSince(cutOff));
    }
}
