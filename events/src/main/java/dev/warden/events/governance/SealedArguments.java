package dev.warden.events.governance;

/**
 * A tool call's arguments as the log holds them: Base64 of AES-256-GCM ciphertext under the organization's
 * governance data key (subject {@code governance:<organizationId>}), bound by {@link #associatedData} to the
 * decision. Destroying that key shreds every recorded argument of the organization.
 */
public record SealedArguments(String ciphertext) {

    /** The data key subject of an organization's recorded tool-call arguments. */
    public static String subject(String organizationId) {
        return "governance:" + organizationId;
    }

    /** The associated data of one decision's arguments. */
    public static String associatedData(String agentSessionId, String decisionId) {
        return "agent-session:" + agentSessionId + "/decision:" + decisionId;
    }
}
