package dev.warden.query.governance;

/** The processing group of the governance context's projections. */
public final class GovernanceProcessing {

    /** One processor for servers, policies, sessions, decisions and approvals (a decision counts on its session). */
    public static final String GROUP = "governance";

    private GovernanceProcessing() {
    }
}
