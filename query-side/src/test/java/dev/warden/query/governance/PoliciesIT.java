package dev.warden.query.governance;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDeletedEvent;
import dev.warden.events.governance.PolicyDisabledEvent;
import dev.warden.events.governance.PolicyEnabledEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.PolicyUpdatedEvent;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Policies on the real schema: every policy event and the default effect land, each handled twice changes
 * nothing, every version of the rules is kept as written (conditions' values, callers and effects read back
 * equal), the list is in evaluation order, and the set a dry run starts from is the organization's.
 */
class PoliciesIT {

    private static final PageRequest FIRST = PageRequest.of(100, null);
    static final PolicyRule DENY_PROD = new PolicyRule("deny-prod", "No writes to prod", List.of(), "db.*",
            new CallerMatch(List.of(), List.of("role_contractor"), List.of(), List.of()),
            List.of(new ArgumentCondition("/env", ArgumentCondition.Operator.EQUALS, "prod"),
                    new ArgumentCondition("/limit", ArgumentCondition.Operator.IN, List.of(5, 10.5, "x"))),
            Effect.DENY);
    static final PolicyRule ALLOW_DB = new PolicyRule("allow-db", null, List.of(), "db.*", null, List.of(),
            Effect.ALLOW);

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final PolicyProjection projection = ReadModelDatabase.bean(PolicyProjection.class);
    private final PolicyQueries queries = ReadModelDatabase.bean(PolicyQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String policyId = IdKind.POLICY.next();

    @Test
    void everyPolicyEventLandsOnceAndKeepsEachVersion() {
        twice(policyId, logged -> projection.on(new PolicyCreatedEvent(policyId, orgId, "Databases", "Who may touch",
                PolicyMode.MONITOR, 10, List.of(DENY_PROD)), logged, "usr_author"));
        PolicyView created = queries.policy(orgId, policyId).orElseThrow();
        assertThat(created).isEqualTo(new PolicyView(policyId, orgId, "Databases", "Who may touch", PolicyMode.MONITOR,
                10, true, false, 1, List.of(DENY_PROD), "usr_author", at, null, at));

        twice(policyId, logged -> projection.on(new PolicyUpdatedEvent(policyId, orgId, "DB", null, PolicyMode.ENFORCE,
                3), logged));
        twice(policyId, logged -> projection.on(new PolicyRulesChangedEvent(policyId, orgId, 2,
                List.of(ALLOW_DB, DENY_PROD)), logged, "usr_editor"));
        twice(policyId, logged -> projection.on(new PolicyDisabledEvent(policyId, orgId), logged));
        PolicyView changed = queries.policy(orgId, policyId).orElseThrow();
        assertThat(changed.name()).isEqualTo("DB");
        assertThat(changed.description()).isNull();
        assertThat(changed.mode()).isEqualTo(PolicyMode.ENFORCE);
        assertThat(changed.priority()).isEqualTo(3);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.rules()).containsExactly(ALLOW_DB, DENY_PROD);
        assertThat(changed.enabled()).isFalse();
        twice(policyId, logged -> projection.on(new PolicyEnabledEvent(policyId, orgId), logged));
        assertThat(queries.policy(orgId, policyId).orElseThrow().enabled()).isTrue();

        Page<PolicyVersionView> versions = queries.versions(orgId, policyId, PageRequest.of(1, null));
        assertThat(versions.items()).containsExactly(new PolicyVersionView(policyId, 2, List.of(ALLOW_DB, DENY_PROD),
                "usr_editor", at));
        assertThat(queries.versions(orgId, policyId, PageRequest.of(1, versions.nextCursor())).items())
                .containsExactly(new PolicyVersionView(policyId, 1, List.of(DENY_PROD), "usr_author", at));
        assertThat(queries.version(orgId, policyId, 1).orElseThrow().rules()).containsExactly(DENY_PROD);
        assertThat(queries.version(orgId, policyId, 3)).isEmpty();
        assertThat(queries.version(IdKind.ORGANIZATION.next(), policyId, 1)).isEmpty();

        twice(policyId, logged -> projection.on(new PolicyDeletedEvent(policyId, orgId, "DB"), logged));
        PolicyView deleted = queries.policy(orgId, policyId).orElseThrow();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.deletedAt()).isEqualTo(at);
        assertThat(queries.policies(orgId, FIRST).items()).as("deleted ones are not listed").isEmpty();
        assertThat(queries.policySet(orgId).policies()).isEmpty();
    }

    @Test
    void theListIsInEvaluationOrderAndPages() {
        String later = IdKind.POLICY.next();
        String first = IdKind.POLICY.next();
        String last = IdKind.POLICY.next();
        created(policyId, 10, at);
        created(later, 10, at.plusSeconds(1));
        created(first, -5, at.plusSeconds(2));
        created(last, 200, at.plusSeconds(3));
        created(IdKind.POLICY.next(), 0, at, IdKind.ORGANIZATION.next());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<PolicyView> page = queries.policies(orgId, PageRequest.of(1, cursor));
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).containsExactly(first, policyId, later, last);
        assertThat(queries.policySet(orgId).policies()).extracting(PolicySet.Policy::policyId)
                .containsExactly(first, policyId, later, last);
        assertThatThrownBy(() -> queries.policies(orgId, PageRequest.of(1, PageRequest.cursor("x 2026 pol_1"))))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void theDefaultEffectIsDenyUntilSetAndTheLatestSettingHolds() {
        assertThat(queries.settings(orgId)).isEqualTo(new GovernanceSettingsView(orgId, Effect.DENY, false, null, null));
        Logged allowed = next(at);
        projection.on(new DefaultEffectSetEvent(SetDefaultEffectCommand.settingsId(orgId), orgId, Effect.ALLOW), allowed,
                "usr_admin");
        projection.on(new DefaultEffectSetEvent(SetDefaultEffectCommand.settingsId(orgId), orgId, Effect.DENY),
                new Logged(allowed.position(), at.plusSeconds(5)), "usr_other");
        assertThat(queries.settings(orgId)).as("handled twice")
                .isEqualTo(new GovernanceSettingsView(orgId, Effect.ALLOW, true, "usr_admin", at));
        assertThat(queries.policySet(orgId).defaultEffect()).isEqualTo(Effect.ALLOW);
        projection.on(new DefaultEffectSetEvent(SetDefaultEffectCommand.settingsId(orgId), orgId, Effect.DENY),
                next(at.plusSeconds(1)), "usr_other");
        assertThat(queries.settings(orgId).defaultEffect()).isEqualTo(Effect.DENY);
        assertThat(queries.settings(IdKind.ORGANIZATION.next()).explicit()).isFalse();
    }

    @Test
    void theResetEmptiesTheTables() {
        created(policyId, 1, at);
        projection.on(new DefaultEffectSetEvent("s", orgId, Effect.ALLOW), next(at), "usr_admin");
        projection.reset();
        for (String table : List.of("policies", "policy_versions", "governance_defaults")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    private void created(String id, int priority, Instant when) {
        created(id, priority, when, orgId);
    }

    private void created(String id, int priority, Instant when, String organizationId) {
        projection.on(new PolicyCreatedEvent(id, organizationId, "Policy " + id, null, PolicyMode.ENFORCE, priority,
                List.of(ALLOW_DB)), next(when), "usr_author");
    }

    /** Handles an event, then again at the same position an hour later: the policy's rows must be the same. */
    private void twice(String id, Consumer<Logged> handle) {
        Logged logged = next(at);
        handle.accept(logged);
        List<Map<String, Object>> once = rows(id);
        handle.accept(new Logged(logged.position(), at.plusSeconds(3600)));
        assertThat(rows(id)).as("handled twice").isEqualTo(once);
    }

    private List<Map<String, Object>> rows(String id) {
        List<Map<String, Object>> rows = new ArrayList<>(GovernanceTestData.rows(jdbc, "policies", "id", id));
        rows.addAll(GovernanceTestData.rows(jdbc, "policy_versions", "policy_id", id));
        return rows;
    }
}
