package dev.warden.command.infrastructure;

import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.events.infrastructure.DeprecateModuleVersionCommand;
import dev.warden.events.infrastructure.ModuleErrorCode;
import dev.warden.events.infrastructure.ModuleVersionDeprecatedEvent;
import dev.warden.events.infrastructure.ModuleVersionPublishedEvent;
import dev.warden.events.infrastructure.PublishModuleVersionCommand;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.IdKind;
import java.util.stream.Stream;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The module registry's rules, run by {@link ModuleCommandHandler}: the module Acme/vpc/aws of the sample organization. */
class RegistryModuleTest {

    private static final String MODULE_ID = AccessTestData.id(IdKind.MODULE, "vpc");
    private static final String OTHER_MODULE_ID = AccessTestData.id(IdKind.MODULE, "other");
    private static final String SOURCE = "git::https://example.com/acme/terraform-aws-vpc.git?ref=v1.0.0";
    private static final String SCOPE = ModuleRules.scope(ORGANIZATION_ID);

    private AggregateTestFixture<RegistryModule> fixture;
    private InMemoryUniqueNames names;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RegistryModule.class);
        names = new InMemoryUniqueNames();
        fixture.registerAnnotatedCommandHandler(new ModuleCommandHandler(fixture.getRepository(), names));
    }

    private static PublishModuleVersionCommand publish(String version) {
        return publish("Acme", "vpc", "aws", version, SOURCE, "A VPC");
    }

    private static PublishModuleVersionCommand publish(String namespace, String name, String provider, String version,
                                                       String source, String description) {
        return new PublishModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, namespace, name, provider, version, source,
                description);
    }

    private static ModuleVersionPublishedEvent published(String version) {
        return new ModuleVersionPublishedEvent(MODULE_ID, ORGANIZATION_ID, "Acme", "vpc", "aws", version, SOURCE,
                "A VPC");
    }

    @Nested
    class Publishing {

        @Test
        void theFirstVersionCreatesTheModuleAndClaimsItsCoordinates() {
            fixture.givenNoPriorActivity()
                    .when(publish("Acme", "vpc", "aws", "1.0.0", " " + SOURCE + " ", " A VPC\n"))
                    .expectEvents(published("1.0.0"));

            assertThat(names.ownerOf(SCOPE, "acme/vpc/aws")).contains(MODULE_ID);
        }

        @Test
        void furtherVersionsKeepTheModulesFirstSpelling() {
            names.claim(SCOPE, "acme/vpc/aws", MODULE_ID);

            fixture.given(published("1.0.0"))
                    .when(publish("ACME", "VPC", "aws", "1.1.0-rc.1+build.7", SOURCE, "A VPC"))
                    .expectEvents(published("1.1.0-rc.1+build.7"));
        }

        @Test
        void withoutDescriptionStoresNone() {
            fixture.givenNoPriorActivity()
                    .when(publish("Acme", "vpc", "aws", "1.0.0", SOURCE, "  "))
                    .expectEvents(new ModuleVersionPublishedEvent(MODULE_ID, ORGANIZATION_ID, "Acme", "vpc", "aws",
                            "1.0.0", SOURCE, null));
        }

        @Test
        void publishingTheSameVersionAgainStoresNothing() {
            names.claim(SCOPE, "acme/vpc/aws", MODULE_ID);

            fixture.given(published("1.0.0+a"))
                    .when(publish("1.0.0+a"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aDeprecatedVersionPublishedAgainUnchangedStoresNothing() {
            names.claim(SCOPE, "acme/vpc/aws", MODULE_ID);

            fixture.given(published("1.0.0"), new ModuleVersionDeprecatedEvent(MODULE_ID, ORGANIZATION_ID, "1.0.0",
                            "Broken"))
                    .when(publish("1.0.0"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        static Stream<PublishModuleVersionCommand> otherContent() {
            return Stream.of(
                    publish("Acme", "vpc", "aws", "1.0.0+a", SOURCE + "&x=1", "A VPC"),
                    publish("Acme", "vpc", "aws", "1.0.0+a", SOURCE, "Another VPC"),
                    publish("Acme", "vpc", "aws", "1.0.0+a", SOURCE, null),
                    publish("Acme", "vpc", "aws", "1.0.0+b", SOURCE, "A VPC"),
                    publish("Acme", "vpc", "aws", "1.0.0", SOURCE, "A VPC"));
        }

        @ParameterizedTest
        @MethodSource("otherContent")
        void refusesOtherContentUnderAPublishedVersionBuildMetadataAside(PublishModuleVersionCommand command) {
            names.claim(SCOPE, "acme/vpc/aws", MODULE_ID);

            fixture.given(published("1.0.0+a"))
                    .when(command)
                    .expectException(refusedWith(ModuleErrorCode.MODULE_VERSION_EXISTS))
                    .expectNoEvents();
        }

        @Test
        void coordinatesTakenByAnotherModuleMeanseTheOtherRequestWon() {
            names.claim(SCOPE, "acme/vpc/aws", OTHER_MODULE_ID);

            fixture.givenNoPriorActivity()
                    .when(publish("1.0.0"))
                    .expectException(ConflictingModificationException.class)
                    .expectNoEvents();
        }

        @Test
        void theSameCoordinatesInAnotherOrganizationAreAnotherModule() {
            names.claim(ModuleRules.scope(OTHER_ORGANIZATION_ID), "acme/vpc/aws", OTHER_MODULE_ID);

            fixture.givenNoPriorActivity()
                    .when(publish("1.0.0"))
                    .expectEvents(published("1.0.0"));
        }

        @Test
        void aModuleOfAnotherOrganizationAnswersAsMissing() {
            names.claim(SCOPE, "acme/vpc/aws", MODULE_ID);

            fixture.given(new ModuleVersionPublishedEvent(MODULE_ID, OTHER_ORGANIZATION_ID, "Acme", "vpc", "aws",
                            "1.0.0", SOURCE, null))
                    .when(publish("2.0.0"))
                    .expectException(refusedWith(IdKind.MODULE.notFoundCode()))
                    .expectNoEvents();
        }

        static Stream<Arguments> invalidFields() {
            String long65 = "n".repeat(65);
            return Stream.of(
                    Arguments.of(publish(null, "vpc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAMESPACE),
                    Arguments.of(publish("", "vpc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAMESPACE),
                    Arguments.of(publish("-acme", "vpc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAMESPACE),
                    Arguments.of(publish("ac me", "vpc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAMESPACE),
                    Arguments.of(publish(long65, "vpc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAMESPACE),
                    Arguments.of(publish("Acme", "v/pc", "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAME),
                    Arguments.of(publish("Acme", null, "aws", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_NAME),
                    Arguments.of(publish("Acme", "vpc", "AWS", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_PROVIDER),
                    Arguments.of(publish("Acme", "vpc", "aws-x", "1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_PROVIDER),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_VERSION),
                    Arguments.of(publish("Acme", "vpc", "aws", "v1.0.0", SOURCE, null), ModuleErrorCode.INVALID_MODULE_VERSION),
                    Arguments.of(publish("Acme", "vpc", "aws", null, SOURCE, null), ModuleErrorCode.INVALID_MODULE_VERSION),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0.0", null, null), ModuleErrorCode.INVALID_MODULE_SOURCE),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0.0", "./a module", null), ModuleErrorCode.INVALID_MODULE_SOURCE),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0.0", "https://bob:s3cret@example.com/vpc.zip", null),
                            ModuleErrorCode.INVALID_MODULE_SOURCE),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0.0", "s".repeat(ModuleRules.MAX_SOURCE_LENGTH + 1), null),
                            ModuleErrorCode.INVALID_MODULE_SOURCE),
                    Arguments.of(publish("Acme", "vpc", "aws", "1.0.0", SOURCE, "d".repeat(ModuleRules.MAX_DESCRIPTION_LENGTH + 1)),
                            ModuleErrorCode.INVALID_MODULE_DESCRIPTION));
        }

        @ParameterizedTest
        @MethodSource("invalidFields")
        void refusesInvalidFieldsAndClaimsNothing(PublishModuleVersionCommand command, ErrorCode code) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(refusedWith(code))
                    .expectNoEvents();

            assertThat(names.anyIn(SCOPE)).isFalse();
        }

        @Test
        void acceptsSshSourcesWithAUserButNoPassword() {
            String ssh = "git::ssh://git@example.com/acme/vpc.git";
            fixture.givenNoPriorActivity()
                    .when(publish("Acme", "vpc", "aws", "1.0.0", ssh, null))
                    .expectEvents(new ModuleVersionPublishedEvent(MODULE_ID, ORGANIZATION_ID, "Acme", "vpc", "aws",
                            "1.0.0", ssh, null));
        }
    }

    @Nested
    class Deprecating {

        @Test
        void deprecatesAVersionNamedByPrecedence() {
            fixture.given(published("1.0.0+a"))
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, "1.0.0", " Leaks routes "))
                    .expectEvents(new ModuleVersionDeprecatedEvent(MODULE_ID, ORGANIZATION_ID, "1.0.0+a",
                            "Leaks routes"));
        }

        @Test
        void refusesAVersionDeprecatedAlready() {
            fixture.given(published("1.0.0"), new ModuleVersionDeprecatedEvent(MODULE_ID, ORGANIZATION_ID, "1.0.0",
                            "Leaks routes"))
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, "1.0.0", "Again"))
                    .expectException(refusedWith(ModuleErrorCode.MODULE_VERSION_DEPRECATED))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.0.1", "1.0.0-rc.1", "latest", "v1.0.0"})
        void refusesAVersionTheModuleDoesNotHave(String version) {
            fixture.given(published("1.0.0"))
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, version, "Broken"))
                    .expectException(refusedWith(ModuleErrorCode.MODULE_VERSION_NOT_FOUND))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "bell\u0007"})
        void refusesMissingOrInvalidReason(String reason) {
            fixture.given(published("1.0.0"))
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, "1.0.0", reason))
                    .expectException(refusedWith(ModuleErrorCode.INVALID_DEPRECATION_REASON))
                    .expectNoEvents();
        }

        @Test
        void aModuleOfAnotherOrganizationOrNoneAnswersAsMissing() {
            fixture.given(published("1.0.0"))
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, OTHER_ORGANIZATION_ID, "1.0.0", "Broken"))
                    .expectException(refusedWith(IdKind.MODULE.notFoundCode()))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(new DeprecateModuleVersionCommand(MODULE_ID, ORGANIZATION_ID, "1.0.0", "Broken"))
                    .expectException(refusedWith(IdKind.MODULE.notFoundCode()))
                    .expectNoEvents();
        }
    }
}
