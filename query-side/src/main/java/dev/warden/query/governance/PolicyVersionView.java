package dev.warden.query.governance;

import dev.warden.events.governance.PolicyRule;
import java.time.Instant;
import java.util.List;

/** One version of a policy's rules, as it was written, and who wrote it when. */
public record PolicyVersionView(String policyId, int version, List<PolicyRule> rules, String createdBy,
                                Instant createdAt) {
}
