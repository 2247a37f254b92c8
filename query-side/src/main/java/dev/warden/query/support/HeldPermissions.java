package dev.warden.query.support;

/**
 * The permissions a user holds in an organization, which the context that owns roles knows. It is
 * given as a SQL expression that a reader of members puts into its own statement, so that who a
 * session speaks for and what its user may do stay one read per request, while the statement's text
 * about roles stays with the context that owns their tables.
 */
public interface HeldPermissions {

    /**
     * A SQL expression of type {@code text[]}: the permissions, sorted and distinct, that the user in
     * the column {@code userColumn} holds in the organization in the column {@code organizationColumn}
     * (both qualified column names of the statement it goes into), through all their roles there.
     * Empty when they hold none.
     */
    String expression(String organizationColumn, String userColumn);
}
