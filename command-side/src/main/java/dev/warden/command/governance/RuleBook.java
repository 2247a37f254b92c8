package dev.warden.command.governance;

import dev.warden.events.governance.PolicySet;

/**
 * Each organization's enabled policies and default effect, compiled and kept in memory: a decision
 * reads no policy from the database, only the organization's policy revision (one indexed read in the
 * command's transaction), and compiles the set again only when another command changed it.
 */
public interface RuleBook {

    /** The organization's current policy set (no policy and deny by default when it has none). */
    PolicySet current(String organizationId);
}
