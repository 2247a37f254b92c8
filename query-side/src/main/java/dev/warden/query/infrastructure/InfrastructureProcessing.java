package dev.warden.query.infrastructure;

/** The processing group of the infrastructure context's projections. */
public final class InfrastructureProcessing {

    /**
     * One processor feeds all infrastructure tables, so a project's row exists before its
     * workspaces' (the foreign key of {@code workspaces}) and a workspace's before its runs and checks.
     */
    public static final String GROUP = "infrastructure";

    private InfrastructureProcessing() {
    }
}
