package dev.warden.command.governance;

import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicySet;
import java.util.ArrayList;
import java.util.List;

/**
 * Each organization's policies as decisions evaluate them, beside the log: one row per organization
 * with a revision, the default effect and the current version of every policy not deleted (enabled or
 * not). Every policy or default command rewrites its organization's row in its own transaction, under
 * the row's lock, and the revision grows by one; a decision reads only the revision, and the rest when
 * the revision is not the one it compiled.
 */
interface PolicyRevisions {

    /** What the row holds; revision 0 (no policy, no default) when the organization has none yet. */
    record Stored(long revision, Effect defaultEffect, List<PolicySet.Policy> policies) {

        static final Stored NONE = new Stored(0, null, List.of());
    }

    /** The organization's row, locked until the transaction ends (made first if missing). */
    Stored lock(String organizationId);

    /** Writes the locked row of {@code organizationId} with the next revision. */
    void write(String organizationId, long revision, Effect defaultEffect, List<PolicySet.Policy> policies);

    /** The organization's revision (0 when it has no row): one indexed read. */
    long revision(String organizationId);

    /** The organization's row as it is now. */
    Stored read(String organizationId);

    /** Puts {@code policy} in place of the one of {@code policyId} (or adds it); {@code null} takes it out. */
    default void put(String organizationId, String policyId, PolicySet.Policy policy) {
        Stored stored = lock(organizationId);
        List<PolicySet.Policy> policies = new ArrayList<>(stored.policies().size() + 1);
        boolean placed = false;
        for (PolicySet.Policy one : stored.policies()) {
            if (!one.policyId().equals(policyId)) {
                policies.add(one);
            } else if (policy != null) {
                policies.add(policy);
                placed = true;
            }
        }
        if (policy != null && !placed) {
            policies.add(policy);
        }
        write(organizationId, stored.revision() + 1, stored.defaultEffect(), policies);
    }

    /** Sets the organization's default effect. */
    default void putDefault(String organizationId, Effect defaultEffect) {
        Stored stored = lock(organizationId);
        write(organizationId, stored.revision() + 1, defaultEffect, stored.policies());
    }
}
