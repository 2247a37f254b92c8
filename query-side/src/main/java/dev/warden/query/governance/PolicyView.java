package dev.warden.query.governance;

import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import java.time.Instant;
import java.util.List;

/**
 * A policy as the API shows it: its current version's rules in order, its mode and its place among the
 * organization's policies (lower {@code priority} first, then creation). A deleted policy is kept, marked
 * {@code deleted}, for the decisions that name it.
 */
public record PolicyView(String id, String organizationId, String name, String description, PolicyMode mode,
                         int priority, boolean enabled, boolean deleted, int version, List<PolicyRule> rules,
                         String createdBy, Instant createdAt, Instant deletedAt, Instant updatedAt) {
}
