package dev.warden.command.governance;

import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicySet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link PolicyRevisions} in a map, for fixture tests: what the handlers wrote, and how often. */
final class InMemoryPolicyRevisions implements PolicyRevisions {

    private final Map<String, Stored> rows = new HashMap<>();

    @Override
    public Stored lock(String organizationId) {
        return read(organizationId);
    }

    @Override
    public void write(String organizationId, long revision, Effect defaultEffect, List<PolicySet.Policy> policies) {
        rows.put(organizationId, new Stored(revision, defaultEffect, List.copyOf(policies)));
    }

    @Override
    public long revision(String organizationId) {
        return read(organizationId).revision();
    }

    @Override
    public Stored read(String organizationId) {
        return rows.getOrDefault(organizationId, Stored.NONE);
    }

    /** The policy {@code policyId} as the row of {@code organizationId} holds it, or null. */
    PolicySet.Policy policy(String organizationId, String policyId) {
        return read(organizationId).policies().stream().filter(p -> p.policyId().equals(policyId)).findFirst()
                .orElse(null);
    }
}
