package dev.warden.events.governance;

import dev.warden.events.shared.ErrorCode;

/** Why the governance context refused a command. Not-found codes come from the id kinds. */
public enum GovernanceErrorCode implements ErrorCode {
    INVALID_SERVER_NAME(Kind.INVALID),
    /** Transport not {@code streamable-http}, {@code sse} or {@code stdio}, or its address missing or malformed. */
    INVALID_TRANSPORT(Kind.INVALID),
    INVALID_LABELS(Kind.INVALID),
    INVALID_TOOL_LIST(Kind.INVALID),
    /** A suspension's reason is too long or holds characters text people read may not hold. */
    INVALID_SUSPENSION_REASON(Kind.INVALID),
    /** A rule's glob, pointer, pattern, caller or effect is malformed; the detail names the rule. */
    INVALID_RULE(Kind.INVALID),
    INVALID_POLICY(Kind.INVALID),
    INVALID_TOOL_CALL(Kind.INVALID),
    INVALID_AGENT_SESSION(Kind.INVALID),
    /** A dry run's time range or number of examples cannot be used. */
    INVALID_DRY_RUN(Kind.INVALID),
    /** The policy has no version of that number. */
    POLICY_VERSION_NOT_FOUND(Kind.NOT_FOUND),
    /** The credential a server refers to is not a usable credential of the organization. */
    CREDENTIAL_NOT_USABLE(Kind.RULE_BROKEN),
    SERVER_NAME_TAKEN(Kind.CONFLICT),
    /** The server was deregistered; nothing changes it any more. */
    SERVER_DEREGISTERED(Kind.CONFLICT),
    /** The tool is not held, or was held with another definition than the one approved. */
    TOOL_NOT_HELD(Kind.CONFLICT),
    /** The policy changed since the version the request expected. */
    POLICY_VERSION_CONFLICT(Kind.CONFLICT),
    POLICY_DELETED(Kind.CONFLICT),
    /** The session was terminated or closed: it takes no new approvals' decisions. */
    AGENT_SESSION_ENDED(Kind.CONFLICT),
    /** The approval was granted, denied or expired already; it is decided once. */
    APPROVAL_DECIDED(Kind.CONFLICT),
    APPROVAL_EXPIRED(Kind.CONFLICT),
    /**
     * A message to the MCP proxy that is not one JSON-RPC 2.0 request, notification or response, or that
     * lacks the session id or protocol version the proxy's transport needs.
     */
    INVALID_MCP_MESSAGE(Kind.INVALID),
    /** The proxy has no such MCP session (ended, forgotten, or another caller's): initialize again. */
    MCP_SESSION_NOT_FOUND(Kind.NOT_FOUND),
    /** A browser page of another origin may not call the MCP proxy. */
    MCP_ORIGIN_REFUSED(Kind.FORBIDDEN);

    private final Kind kind;

    GovernanceErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
