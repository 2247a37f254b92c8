package dev.warden.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.governance.GovernanceSettings;
import dev.warden.command.governance.Policy;
import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDisabledEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.shared.IdKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The governance aggregates of policies make the round trip through a snapshot whole: a policy's rules
 * (conditions with values of every JSON kind, caller matches), version, mode, priority, creation time
 * and state, and an organization's default effect.
 */
class PolicySnapshotTest {

    private final SnapshotRoundTrips snapshots = new SnapshotRoundTrips();

    @Test
    void aPolicyComesBackWhole() {
        String policyId = IdKind.POLICY.next();
        PolicyRule rule = new PolicyRule("drops", "No drops", List.of(IdKind.MCP_SERVER.next()), "db.drop*",
                new CallerMatch(List.of(IdKind.USER.next()), List.of(IdKind.ROLE.next()), List.of(), List.of()),
                List.of(new ArgumentCondition("/env", ArgumentCondition.Operator.IN, Arrays.asList("prod", 1, 2.5,
                        true, null)), new ArgumentCondition("/sql", ArgumentCondition.Operator.MATCHES, "(?i)drop.*")),
                Effect.REQUIRE_APPROVAL);
        snapshots.given(Policy.class, policyId,
                new PolicyCreatedEvent(policyId, "org_a", "Guard", "Keeps prod", PolicyMode.MONITOR, 7, List.of()),
                new PolicyRulesChangedEvent(policyId, "org_a", 2, List.of(rule)),
                new PolicyDisabledEvent(policyId, "org_a"));

        Policy built = snapshots.load(Policy.class, policyId);

        assertThat(snapshots.roundTrip(built)).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialized(built)).contains("require-approval", "monitor",
                "(?i)drop.*", "Keeps prod");
    }

    @Test
    void theGovernanceSettingsComeBackWhole() {
        String settingsId = SetDefaultEffectCommand.settingsId("org_a");
        snapshots.given(GovernanceSettings.class, settingsId,
                new DefaultEffectSetEvent(settingsId, "org_a", Effect.ALLOW));

        GovernanceSettings built = snapshots.load(GovernanceSettings.class, settingsId);

        assertThat(snapshots.roundTrip(built)).usingRecursiveComparison().isEqualTo(built);
    }
}
