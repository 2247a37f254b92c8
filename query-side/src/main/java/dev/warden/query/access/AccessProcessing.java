package dev.warden.query.access;

/** The processing group of the access context's projections. */
public final class AccessProcessing {

    /** One processor feeds all access tables, so a role always exists before its assignments. */
    public static final String GROUP = "access-control";

    private AccessProcessing() {
    }
}
