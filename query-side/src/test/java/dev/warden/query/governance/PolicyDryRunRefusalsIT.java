package dev.warden.query.governance;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDeletedEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dry run that cannot be evaluated is refused, saying why: a broken rule (named), a range, a policy. */
class PolicyDryRunRefusalsIT {

    private static final PolicyRule ALLOW_DB = new PolicyRule("allow-db", null, null, "db.*", null, null,
            Effect.ALLOW);

    private final PolicyProjection policies = ReadModelDatabase.bean(PolicyProjection.class);
    private final PolicyDryRun dryRun = new PolicyDryRun(ReadModelDatabase.bean(PolicyQueries.class),
            ReadModelDatabase.bean(RecordedDecisions.class), new DecisionArguments(ReadModelDatabase.dataKeys()));
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String policyId = IdKind.POLICY.next();

    @Test
    void aProposalThatCannotBeEvaluatedIsRefusedNamingWhy() {
        policies.on(new PolicyCreatedEvent(policyId, orgId, "Gone", null, PolicyMode.ENFORCE, 1, List.of()), next(at),
                "usr_author");
        policies.on(new PolicyDeletedEvent(policyId, orgId, "Gone"), next(at));
        Instant to = at.plusSeconds(1);
        PolicyRule bad = new PolicyRule("bad", null, null, "db.*", null,
                List.of(new ArgumentCondition("/x", ArgumentCondition.Operator.MATCHES, "(unclosed")), Effect.DENY);
        refused(new ProposedPolicy(null, null, 1, null, List.of(ALLOW_DB, bad)), at, to, null, "INVALID_RULE",
                "Rule 2 (bad)");
        refused(new ProposedPolicy(null, null, 1, null, List.of()), to, at, null, "INVALID_DRY_RUN", "before");
        refused(new ProposedPolicy(null, null, 1, null, List.of()), null, at, null, "INVALID_DRY_RUN", "needed");
        refused(new ProposedPolicy(null, null, 1, null, List.of()), at, to, 21, "INVALID_DRY_RUN", "20");
        refused(new ProposedPolicy(policyId, null, null, null, List.of()), at, to, null, "POLICY_DELETED", policyId);
        refused(new ProposedPolicy(IdKind.POLICY.next(), null, null, null, List.of()), at, to, null,
                "POLICY_NOT_FOUND", "No policy");
    }

    private void refused(ProposedPolicy proposed, Instant from, Instant to, Integer examples, String code,
                         String message) {
        assertThatThrownBy(() -> dryRun.run(orgId, proposed, from, to, examples)).isInstanceOf(DomainException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((DomainException) e).code().name()).isEqualTo(code));
    }
}
