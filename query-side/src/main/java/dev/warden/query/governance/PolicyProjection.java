package dev.warden.query.governance;

import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDeletedEvent;
import dev.warden.events.governance.PolicyDisabledEvent;
import dev.warden.events.governance.PolicyEnabledEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.PolicyUpdatedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code policies} (the current version of each, a deleted one marked so), {@code policy_versions}
 * (every version of the rules, as written) and {@code governance_defaults}. A policy and its versions are
 * written under one key; updates are guarded by the row's last log position, inserts are idempotent.
 */
@Component
@ProcessingGroup(GovernanceProcessing.GROUP)
public class PolicyProjection {

    private final ProjectionWrites writes;

    PolicyProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(PolicyCreatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(key(event.policyId()), """
                        INSERT INTO policies (id, organization_id, name, description, mode, priority, enabled, version,
                                              rules, created_by, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, true, 1, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.policyId(), event.organizationId(), event.name(), event.description(), mode(event.mode()),
                event.priority(), rules(event.rules()), actorId, logged.time(), logged.time(), logged.position());
        version(event.policyId(), event.organizationId(), 1, event.rules(), actorId, logged);
    }

    @EventHandler
    public void on(PolicyUpdatedEvent event, Logged logged) {
        policy(event.policyId(), "name = ?, description = ?, mode = ?, priority = ?", logged, event.name(),
                event.description(), mode(event.mode()), event.priority());
    }

    @EventHandler
    public void on(PolicyRulesChangedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        policy(event.policyId(), "version = ?, rules = ?::jsonb", logged, event.version(), rules(event.rules()));
        version(event.policyId(), event.organizationId(), event.version(), event.rules(), actorId, logged);
    }

    @EventHandler
    public void on(PolicyEnabledEvent event, Logged logged) {
        policy(event.policyId(), "enabled = true", logged);
    }

    @EventHandler
    public void on(PolicyDisabledEvent event, Logged logged) {
        policy(event.policyId(), "enabled = false", logged);
    }

    @EventHandler
    public void on(PolicyDeletedEvent event, Logged logged) {
        policy(event.policyId(), "deleted = true, deleted_at = ?", logged, logged.time());
    }

    @EventHandler
    public void on(DefaultEffectSetEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write("governance-defaults " + event.organizationId(), """
                        INSERT INTO governance_defaults AS d (organization_id, default_effect, set_by, updated_at,
                                                              last_event_position)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (organization_id) DO UPDATE
                        SET default_effect = excluded.default_effect, set_by = excluded.set_by,
                            updated_at = excluded.updated_at, last_event_position = excluded.last_event_position
                        WHERE d.last_event_position < excluded.last_event_position""",
                event.organizationId(), event.effect() == null ? null : event.effect().wire(), actorId, logged.time(),
                logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("policy_versions", "policies", "governance_defaults");
    }

    private void version(String policyId, String organizationId, int version, List<PolicyRule> rules, String actorId,
                         Logged logged) {
        writes.write(key(policyId), """
                        INSERT INTO policy_versions (policy_id, version, organization_id, rules, created_by, created_at,
                                                     last_event_position)
                        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (policy_id, version) DO NOTHING""",
                policyId, version, organizationId, rules(rules), actorId, logged.time(), logged.position());
    }

    private void policy(String policyId, String assignments, Logged logged, Object... values) {
        writes.updateRow(key(policyId), "policies", policyId, assignments, logged, values);
    }

    private static String rules(List<PolicyRule> rules) {
        return GovernanceJson.write(rules, List.of());
    }

    private static String mode(PolicyMode mode) {
        return Wire.mode(mode == null ? PolicyMode.ENFORCE : mode);
    }

    private static String key(String policyId) {
        return "policy " + policyId;
    }
}
