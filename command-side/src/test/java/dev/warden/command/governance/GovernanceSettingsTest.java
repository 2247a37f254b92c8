package dev.warden.command.governance;

import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.governance.DefaultEffectSetEvent;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.shared.IdKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

/** An organization's default effect: allow or deny, written for decisions when it changes. */
class GovernanceSettingsTest {

    private static final String ORG = GovernanceTestData.id(IdKind.ORGANIZATION, "acme");
    private static final String SETTINGS = SetDefaultEffectCommand.settingsId(ORG);

    private AggregateTestFixture<GovernanceSettings> fixture;
    private InMemoryPolicyRevisions revisions;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GovernanceSettings.class);
        revisions = new InMemoryPolicyRevisions();
        fixture.registerAnnotatedCommandHandler(new GovernanceSettingsCommandHandler(fixture.getRepository(),
                revisions));
    }

    @Test
    void theFirstSettingMakesTheSettingsAndWritesTheDefault() {
        fixture.givenNoPriorActivity()
                .when(new SetDefaultEffectCommand(SETTINGS, ORG, Effect.ALLOW))
                .expectEvents(new DefaultEffectSetEvent(SETTINGS, ORG, Effect.ALLOW));
        assertThat(revisions.read(ORG).defaultEffect()).isEqualTo(Effect.ALLOW);
        assertThat(revisions.read(ORG).revision()).isEqualTo(1);
    }

    @Test
    void denyingExplicitlyIsRecordedTheFirstTime() {
        fixture.givenNoPriorActivity()
                .when(new SetDefaultEffectCommand(SETTINGS, ORG, Effect.DENY))
                .expectEvents(new DefaultEffectSetEvent(SETTINGS, ORG, Effect.DENY));
    }

    @Test
    void changingTheDefaultIsRecordedAndSettingTheSameAgainIsNot() {
        fixture.given(new DefaultEffectSetEvent(SETTINGS, ORG, Effect.ALLOW))
                .when(new SetDefaultEffectCommand(SETTINGS, ORG, Effect.DENY))
                .expectEvents(new DefaultEffectSetEvent(SETTINGS, ORG, Effect.DENY));
        assertThat(revisions.read(ORG).defaultEffect()).isEqualTo(Effect.DENY);
        fixture.given(new DefaultEffectSetEvent(SETTINGS, ORG, Effect.ALLOW))
                .when(new SetDefaultEffectCommand(SETTINGS, ORG, Effect.ALLOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Effect.class, names = {"ALERT", "REQUIRE_APPROVAL"})
    @NullSource
    void refusesADefaultOtherThanAllowOrDeny(Effect effect) {
        fixture.givenNoPriorActivity()
                .when(new SetDefaultEffectCommand(SETTINGS, ORG, effect))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectExceptionMessage("The default effect is allow or deny")
                .expectNoEvents();
        assertThat(revisions.read(ORG).revision()).isZero();
    }

    @Test
    void refusesSettingsOfAnotherOrganization() {
        String other = GovernanceTestData.id(IdKind.ORGANIZATION, "globex");
        fixture.givenNoPriorActivity()
                .when(new SetDefaultEffectCommand(SetDefaultEffectCommand.settingsId(other), ORG, Effect.ALLOW))
                .expectException(refusedWith(GovernanceErrorCode.INVALID_POLICY))
                .expectNoEvents();
    }
}
