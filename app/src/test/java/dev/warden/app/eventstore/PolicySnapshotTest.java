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
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * The governance aggregates of policies make the round trip through a snapshot whole: a policy's rules
 * (conditions with values of every JSON kind, caller matches), version, mode, priority, creation time
 * and state, and an organization's default effect.
 */
class PolicySnapshotTest {

    private final EventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Serializer snapshots = EventStoreConfiguration.snapshotSerializer();

    @Test
    void aPolicyComesBackWhole() {
        String policyId = IdKind.POLICY.next();
        PolicyRule rule = new PolicyRule("drops", "No drops", List.of(IdKind.MCP_SERVER.next()), "db.drop*",
                new CallerMatch(List.of(IdKind.USER.next()), List.of(IdKind.ROLE.next()), List.of(), List.of()),
                List.of(new ArgumentCondition("/env", ArgumentCondition.Operator.IN, Arrays.asList("prod", 1, 2.5,
                        true, null)), new ArgumentCondition("/sql", ArgumentCondition.Operator.MATCHES, "(?i)drop.*")),
                Effect.REQUIRE_APPROVAL);
        given(Policy.class, policyId,
                new PolicyCreatedEvent(policyId, "org_a", "Guard", "Keeps prod", PolicyMode.MONITOR, 7, List.of()),
                new PolicyRulesChangedEvent(policyId, "org_a", 2, List.of(rule)),
                new PolicyDisabledEvent(policyId, "org_a"));

        Policy built = load(Policy.class, policyId);

        assertThat(roundTrip(built)).usingRecursiveComparison().isEqualTo(built);
        assertThat(snapshots.serialize(built, String.class).getData()).contains("require-approval", "monitor",
                "(?i)drop.*", "Keeps prod");
    }

    @Test
    void theGovernanceSettingsComeBackWhole() {
        String settingsId = SetDefaultEffectCommand.settingsId("org_a");
        given(GovernanceSettings.class, settingsId, new DefaultEffectSetEvent(settingsId, "org_a", Effect.ALLOW));

        GovernanceSettings built = load(GovernanceSettings.class, settingsId);

        assertThat(roundTrip(built)).usingRecursiveComparison().isEqualTo(built);
    }

    private <T> T roundTrip(T aggregate) {
        SerializedObject<String> snapshot = snapshots.serialize(aggregate, String.class);
        return snapshots.deserialize(snapshot);
    }

    private void given(Class<?> type, String id, Object... events) {
        long sequence = 0;
        for (Object event : events) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), id, sequence++, event));
        }
    }

    private <T> T load(Class<T> type, String id) {
        EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(store).build();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(aggregate -> aggregate);
        } finally {
            unitOfWork.rollback();
        }
    }
}
