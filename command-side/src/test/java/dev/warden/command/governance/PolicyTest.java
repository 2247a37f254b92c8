package dev.warden.command.governance;

import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.ChangePolicyRulesCommand;
import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.DeletePolicyCommand;
import dev.warden.events.governance.DisablePolicyCommand;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.EnablePolicyCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDeletedEvent;
import dev.warden.events.governance.PolicyDisabledEvent;
import dev.warden.events.governance.PolicyEnabledEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.PolicyUpdatedEvent;
import dev.warden.events.governance.ReorderPolicyRulesCommand;
import dev.warden.events.governance.UpdatePolicyCommand;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A policy's life through its handler, each refusal included, and what it writes for decisions. */
class PolicyTest {

    static final String ORG = GovernanceTestData.id(IdKind.ORGANIZATION, "acme");
    static final String OTHER_ORG = GovernanceTestData.id(IdKind.ORGANIZATION, "globex");
    static final String POLICY_ID = GovernanceTestData.id(IdKind.POLICY, "guard");
    static final PolicyRule READS = new PolicyRule("reads", null, List.of(), "read_*", null, List.of(), Effect.ALLOW);
    static final PolicyRule WRITES = new PolicyRule("writes", null, List.of(), "write_*", null, List.of(),
            Effect.REQUIRE_APPROVAL);
    static final PolicyRule DROPS = new PolicyRule("drops", "No dropping in prod", List.of(), "db.drop*", null,
            List.of(new ArgumentCondition("/env", ArgumentCondition.Operator.EQUALS, "prod")), Effect.DENY);

    private AggregateTestFixture<Policy> fixture;
    private InMemoryPolicyRevisions revisions;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
        revisions = new InMemoryPolicyRevisions();
        fixture.registerAnnotatedCommandHandler(new PolicyCommandHandler(fixture.getRepository(), revisions));
    }

    static PolicyCreatedEvent created() {
        return new PolicyCreatedEvent(POLICY_ID, ORG, "Guard", "", PolicyMode.ENFORCE, 100, List.of(READS, WRITES));
    }

    private long createdAt() {
        return fixture.currentTime().toEpochMilli();
    }

    @Test
    void createsAnEnabledPolicyAtVersionOneWithItsRulesCheckedAndWritesItForDecisions() {
        PolicyRule unnamed = new PolicyRule(null, null, null, "*", null, null, Effect.ALERT);
        fixture.givenNoPriorActivity()
                .when(new CreatePolicyCommand(POLICY_ID, ORG, "  Guard ", null, null, null, List.of(READS, unnamed)))
                .expectEvents(new PolicyCreatedEvent(POLICY_ID, ORG, "Guard", "", PolicyMode.ENFORCE, 100,
                        List.of(READS, new PolicyRule("rule-2", null, List.of(), "*", null, List.of(), Effect.ALERT))));
        assertThat(revisions.read(ORG).revision()).isEqualTo(1);
        assertThat(revisions.policy(ORG, POLICY_ID)).isEqualTo(new PolicySet.Policy(POLICY_ID, 1, 100, createdAt(),
                PolicyMode.ENFORCE, true, List.of(READS, new PolicyRule("rule-2", null, List.of(), "*", null,
                List.of(), Effect.ALERT))));
    }

    @Test
    void createsAMonitorPolicyOfAGivenPriority() {
        fixture.givenNoPriorActivity()
                .when(new CreatePolicyCommand(POLICY_ID, ORG, "Watch", "Only looks", PolicyMode.MONITOR, 0, List.of()))
                .expectEvents(new PolicyCreatedEvent(POLICY_ID, ORG, "Watch", "Only looks", PolicyMode.MONITOR, 0,
                        List.of()));
        assertThat(revisions.policy(ORG, POLICY_ID).mode()).isEqualTo(PolicyMode.MONITOR);
    }

    static Stream<CreatePolicyCommand> badCreations() {
        List<PolicyRule> rules = List.of(READS);
        return Stream.of(new CreatePolicyCommand(POLICY_ID, ORG, "  ", null, null, null, rules),
                new CreatePolicyCommand(POLICY_ID, ORG, "x".repeat(101), null, null, null, rules),
                new CreatePolicyCommand(POLICY_ID, ORG, "Bidi\u202E", null, null, null, rules),
                new CreatePolicyCommand(POLICY_ID, ORG, "Guard", "d".repeat(2001), null, null, rules),
                new CreatePolicyCommand(POLICY_ID, ORG, "Guard", null, null, -1, rules),
                new CreatePolicyCommand(POLICY_ID, ORG, "Guard", null, null, 10_001, rules));
    }

    @ParameterizedTest
    @MethodSource("badCreations")
    void refusesABadNameDescriptionOrPriority(CreatePolicyCommand command) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectNoEvents();
        assertThat(revisions.read(ORG).revision()).isZero();
    }

    @Test
    void refusesABadRuleNamingIt() {
        PolicyRule badPointer = new PolicyRule("by path", null, null, "read_*", null,
                List.of(new ArgumentCondition("path", ArgumentCondition.Operator.EQUALS, "/etc")), Effect.DENY);
        fixture.givenNoPriorActivity()
                .when(new CreatePolicyCommand(POLICY_ID, ORG, "Guard", null, null, null, List.of(READS, badPointer)))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_RULE))
                .expectExceptionMessage(startsWith("Rule 2 (by path), condition 1: 'path' is not a JSON pointer"))
                .expectNoEvents();
        assertThat(revisions.read(ORG).revision()).isZero();
    }

    @Test
    void changingTheRulesMakesTheNextVersion() {
        fixture.given(created())
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(DROPS, READS), null))
                .expectEvents(new PolicyRulesChangedEvent(POLICY_ID, ORG, 2, List.of(DROPS, READS)));
        assertThat(revisions.policy(ORG, POLICY_ID)).isEqualTo(new PolicySet.Policy(POLICY_ID, 2, 100, createdAt(),
                PolicyMode.ENFORCE, true, List.of(DROPS, READS)));
    }

    @Test
    void changingTheRulesFromTheCurrentVersionIsAccepted() {
        fixture.given(created(), new PolicyRulesChangedEvent(POLICY_ID, ORG, 2, List.of(READS)))
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(WRITES), 2))
                .expectEvents(new PolicyRulesChangedEvent(POLICY_ID, ORG, 3, List.of(WRITES)));
    }

    @Test
    void refusesAChangeMadeFromAnEarlierVersion() {
        fixture.given(created(), new PolicyRulesChangedEvent(POLICY_ID, ORG, 2, List.of(READS)))
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(WRITES), 1))
                .expectException(refusedWith(GovernanceErrorCode.POLICY_VERSION_CONFLICT))
                .expectExceptionMessage("The policy is at version 2, not 1; read it again and retry")
                .expectNoEvents();
        assertThat(revisions.read(ORG).revision()).isZero();
    }

    @Test
    void theSameRulesAgainAreNoNewVersion() {
        fixture.given(created())
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(READS, WRITES), 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(revisions.read(ORG).revision()).as("nothing to write").isZero();
    }

    @Test
    void refusesChangedRulesThatBreakTheRuleChecks() {
        PolicyRule badGlob = new PolicyRule("bad glob", null, null, "read files", null, null, Effect.ALLOW);
        fixture.given(created())
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(badGlob), null))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_RULE))
                .expectExceptionMessage(startsWith("Rule 1 (bad glob): the tool glob 'read?files'"))
                .expectNoEvents();
    }

    @Test
    void reorderingMakesTheNextVersionWithTheSameRules() {
        fixture.given(created())
                .when(new ReorderPolicyRulesCommand(POLICY_ID, ORG, List.of("writes", "reads"), 1))
                .expectEvents(new PolicyRulesChangedEvent(POLICY_ID, ORG, 2, List.of(WRITES, READS)));
        assertThat(revisions.policy(ORG, POLICY_ID).rules()).containsExactly(WRITES, READS);
    }

    @Test
    void theSameOrderAgainIsNoNewVersion() {
        fixture.given(created())
                .when(new ReorderPolicyRulesCommand(POLICY_ID, ORG, List.of("reads", "writes"), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static Stream<List<String>> badOrders() {
        List<String> twice = new ArrayList<>(List.of("reads", "reads"));
        return Stream.of(List.of("reads"), twice, List.of("reads", "writes", "deletes"), List.of("writes", "other"));
    }

    @ParameterizedTest
    @MethodSource("badOrders")
    void refusesAnOrderThatDoesNotNameEveryRuleOnce(List<String> names) {
        fixture.given(created())
                .when(new ReorderPolicyRulesCommand(POLICY_ID, ORG, names, null))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingOrderAndOneFromAnEarlierVersion() {
        fixture.given(created())
                .when(new ReorderPolicyRulesCommand(POLICY_ID, ORG, null, null))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY));
        fixture.given(created(), new PolicyRulesChangedEvent(POLICY_ID, ORG, 2, List.of(WRITES, READS)))
                .when(new ReorderPolicyRulesCommand(POLICY_ID, ORG, List.of("reads", "writes"), 1))
                .expectException(refusedWith(GovernanceErrorCode.POLICY_VERSION_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void updatingChangesWhatIsGivenAndKeepsTheVersion() {
        fixture.given(created())
                .when(new UpdatePolicyCommand(POLICY_ID, ORG, null, " Watches writes ", PolicyMode.MONITOR, 5))
                .expectEvents(new PolicyUpdatedEvent(POLICY_ID, ORG, "Guard", "Watches writes", PolicyMode.MONITOR, 5));
        assertThat(revisions.policy(ORG, POLICY_ID)).isEqualTo(new PolicySet.Policy(POLICY_ID, 1, 5, createdAt(),
                PolicyMode.MONITOR, true, List.of(READS, WRITES)));
    }

    @Test
    void anUpdateThatChangesNothingStoresNothing() {
        fixture.given(created())
                .when(new UpdatePolicyCommand(POLICY_ID, ORG, "Guard", "", PolicyMode.ENFORCE, 100))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created())
                .when(new UpdatePolicyCommand(POLICY_ID, ORG, null, null, null, null))
                .expectNoEvents();
    }

    @Test
    void refusesAnUpdateWithABadNameOrPriority() {
        fixture.given(created())
                .when(new UpdatePolicyCommand(POLICY_ID, ORG, " ", null, null, null))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectExceptionMessage("A policy name is required (1 to 100 characters)");
        fixture.given(created())
                .when(new UpdatePolicyCommand(POLICY_ID, ORG, null, null, null, 20_000))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectExceptionMessage(containsString("from 0 to 10000"))
                .expectNoEvents();
    }

    @Test
    void disablingTakesThePolicyOutOfDecisionsAndEnablingPutsItBack() {
        fixture.given(created())
                .when(new DisablePolicyCommand(POLICY_ID, ORG))
                .expectEvents(new PolicyDisabledEvent(POLICY_ID, ORG));
        assertThat(revisions.policy(ORG, POLICY_ID).enabled()).isFalse();
        fixture.given(created(), new PolicyDisabledEvent(POLICY_ID, ORG))
                .when(new EnablePolicyCommand(POLICY_ID, ORG))
                .expectEvents(new PolicyEnabledEvent(POLICY_ID, ORG));
        assertThat(revisions.policy(ORG, POLICY_ID).enabled()).isTrue();
    }

    @Test
    void enablingAnEnabledAndDisablingADisabledPolicyStoreNothing() {
        fixture.given(created()).when(new EnablePolicyCommand(POLICY_ID, ORG)).expectNoEvents();
        fixture.given(created(), new PolicyDisabledEvent(POLICY_ID, ORG))
                .when(new DisablePolicyCommand(POLICY_ID, ORG)).expectNoEvents();
        assertThat(revisions.read(ORG).revision()).isZero();
    }

    @Test
    void deletingTakesThePolicyOutOfTheOrganizationsSet() {
        revisions.put(ORG, POLICY_ID, new PolicySet.Policy(POLICY_ID, 1, 100, 0, PolicyMode.ENFORCE, true, List.of()));
        fixture.given(created())
                .when(new DeletePolicyCommand(POLICY_ID, ORG))
                .expectEvents(new PolicyDeletedEvent(POLICY_ID, ORG, "Guard"));
        assertThat(revisions.read(ORG).policies()).isEmpty();
        assertThat(revisions.read(ORG).revision()).isEqualTo(2);
    }

    static Stream<Object> everyCommand() {
        return Stream.of(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(READS), null),
                new ReorderPolicyRulesCommand(POLICY_ID, ORG, List.of("writes", "reads"), null),
                new UpdatePolicyCommand(POLICY_ID, ORG, "Renamed", null, null, null),
                new EnablePolicyCommand(POLICY_ID, ORG), new DisablePolicyCommand(POLICY_ID, ORG),
                new DeletePolicyCommand(POLICY_ID, ORG));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void aDeletedPolicyRefusesEveryCommand(Object command) {
        fixture.given(created(), new PolicyDeletedEvent(POLICY_ID, ORG, "Guard"))
                .when(command)
                .expectException(refusedWith(GovernanceErrorCode.POLICY_DELETED))
                .expectNoEvents();
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void anotherOrganizationsPolicyLooksMissingToEveryCommand(Object command) {
        fixture.given(new PolicyCreatedEvent(POLICY_ID, OTHER_ORG, "Theirs", "", PolicyMode.ENFORCE, 100,
                        List.of(READS, WRITES)), new PolicyRulesChangedEvent(POLICY_ID, OTHER_ORG, 2,
                        List.of(READS, WRITES)))
                .when(command)
                .expectException(refusedWith(IdKind.POLICY.notFoundCode()))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsPolicyLooksMissingWhateverVersionIsSent() {
        fixture.given(new PolicyCreatedEvent(POLICY_ID, OTHER_ORG, "Theirs", "", PolicyMode.ENFORCE, 100, List.of()))
                .when(new ChangePolicyRulesCommand(POLICY_ID, ORG, List.of(READS), 7))
                .expectException(refusedWith(IdKind.POLICY.notFoundCode()));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void aMissingPolicyIsNotFound(Object command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(refusedWith(IdKind.POLICY.notFoundCode()))
                .expectNoEvents();
    }
}
