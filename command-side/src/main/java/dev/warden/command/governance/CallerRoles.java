package dev.warden.command.governance;

import java.util.Set;

/**
 * The roles a caller holds in an organization, for rules that match on roles. Governance owns the
 * question; the access context answers it.
 */
public interface CallerRoles {

    /** The ids of the roles {@code userId} (a member) or {@code apiKeyId} holds in the organization; either may be null. */
    Set<String> roleIds(String organizationId, String userId, String apiKeyId);
}
