package dev.warden.command.identity;

import dev.warden.events.shared.SecurityErrorCode;
import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.support.DomainErrors.refusedWith;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.ApiKeyRevokedEvent;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.IssueApiKeyCommand;
import dev.warden.events.identity.RevokeApiKeyCommand;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys: issued through {@link ApiKeyCommandHandler}, revoked by the key itself. */
class ApiKeyTest {

    private static final String KEY_ID = AccessTestData.id(IdKind.API_KEY, "deploy");
    private static final String PREFIX = "wdn_abcdefgh";
    private static final String SECRET_HASH = "a".repeat(64);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> SCOPES = Set.of("projects:read", "workspaces:write");

    private AggregateTestFixture<ApiKey> fixture;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
        EventSourcedAggregates<Organization> organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID), aliceJoined());
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID));
        InMemoryUniqueNames names = new InMemoryUniqueNames();
        AccessTestData.claimSystemRoleNames(names);
        clock = new MutableClock(NOW);
        IdentityTestData.identityCommandHandlers(
                new EventSourcedAggregates<>(User.class).repository(), organizations.repository(),
                new EventSourcedAggregates<>(Session.class).repository(), fixture.getRepository(), names,
                new InMemoryCredentials(), new RecordingAggregateLocks(), clock)
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    private static IssueApiKeyCommand issue(String name, Set<String> scopes, Instant expiresAt) {
        return new IssueApiKeyCommand(KEY_ID, ORGANIZATION_ID, name, PREFIX, SECRET_HASH, scopes, expiresAt, USER_ID);
    }

    private static ApiKeyIssuedEvent issued(String name, Set<String> scopes, Instant expiresAt) {
        return new ApiKeyIssuedEvent(KEY_ID, ORGANIZATION_ID, name, PREFIX, SECRET_HASH, scopes, expiresAt, USER_ID);
    }

    /** Runs {@code action} as Alice holding exactly {@code permissions} in the sample organization. */
    private static void actingWith(Set<String> permissions, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user", ORGANIZATION_ID,
                "req-1", "req-1", null, permissions))) {
            action.run();
        }
    }

    @Nested
    class Issuing {

        @Test
        void issuesKeyWithStrippedNameScopesAndExpiry() {
            Instant expiresAt = NOW.plus(Duration.ofDays(30));

            fixture.givenNoPriorActivity()
                    .when(issue("  CI deploys ", SCOPES, expiresAt))
                    .expectEvents(issued("CI deploys", SCOPES, expiresAt));
        }

        @Test
        void issuesKeyThatNeverExpires() {
            fixture.givenNoPriorActivity()
                    .when(issue("CI", Set.of("projects:read"), null))
                    .expectEvents(issued("CI", Set.of("projects:read"), null));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "CI\u0000"})
        void rejectsInvalidName(String name) {
            fixture.givenNoPriorActivity()
                    .when(issue(name, SCOPES, null))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_API_KEY))
                    .expectNoEvents();
        }

        @Test
        void rejectsOverlongName() {
            fixture.givenNoPriorActivity()
                    .when(issue("k".repeat(ApiKeyCommandHandler.MAX_KEY_NAME_LENGTH + 1), SCOPES, null))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_API_KEY))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = "none")
        void rejectsKeyWithoutScopes(String none) {
            fixture.givenNoPriorActivity()
                    .when(issue("CI", none == null ? null : Set.of(), null))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_API_KEY))
                    .expectNoEvents();
        }

        @Test
        void rejectsUnknownPermissionAsScope() {
            fixture.givenNoPriorActivity()
                    .when(issue("CI", Set.of("projects:read", "projects:destroy"), null))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_API_KEY))
                    .expectExceptionMessage("Unknown permission: projects:destroy")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -86_400})
        void rejectsExpiryThatIsNotInTheFuture(long secondsFromNow) {
            fixture.givenNoPriorActivity()
                    .when(issue("CI", SCOPES, NOW.plusSeconds(secondsFromNow)))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_API_KEY))
                    .expectNoEvents();
        }

        @Test
        void acceptsExpiryOneSecondAhead() {
            fixture.givenNoPriorActivity()
                    .when(issue("CI", SCOPES, NOW.plusSeconds(1)))
                    .expectEvents(issued("CI", SCOPES, NOW.plusSeconds(1)));
        }

        @Test
        void rejectsUnknownOrganization() {
            fixture.givenNoPriorActivity()
                    .when(new IssueApiKeyCommand(KEY_ID, AccessTestData.id(IdKind.ORGANIZATION, "nowhere"), "CI",
                            PREFIX, SECRET_HASH, SCOPES, null, USER_ID))
                    .expectException(refusedWith(IdKind.ORGANIZATION.notFoundCode()))
                    .expectNoEvents();
        }

        @Test
        void rejectsScopesBeyondTheIssuersPermissions() {
            actingWith(Set.of("api-keys:write", "projects:read"), () -> fixture.givenNoPriorActivity()
                    .when(issue("CI", SCOPES, null))
                    .expectException(refusedWith(SecurityErrorCode.ESCALATION))
                    .expectExceptionMessage("You cannot give away permissions you do not hold: workspaces:write")
                    .expectNoEvents());
        }

        @Test
        void issuesKeyWithASubsetOfTheIssuersPermissions() {
            actingWith(Set.of("api-keys:write", "projects:read", "workspaces:write", "audit:read"),
                    () -> fixture.givenNoPriorActivity()
                            .when(issue("CI", SCOPES, null))
                            .expectEvents(issued("CI", SCOPES, null)));
        }
    }

    @Nested
    class Revoking {

        @Test
        void revokesKey() {
            fixture.given(issued("CI", SCOPES, null))
                    .when(new RevokeApiKeyCommand(KEY_ID, ORGANIZATION_ID))
                    .expectEvents(new ApiKeyRevokedEvent(KEY_ID, ORGANIZATION_ID));
        }

        @Test
        void revokingTwiceStoresNothing() {
            fixture.given(issued("CI", SCOPES, null), new ApiKeyRevokedEvent(KEY_ID, ORGANIZATION_ID))
                    .when(new RevokeApiKeyCommand(KEY_ID, ORGANIZATION_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void keyOfAnotherOrganizationLooksMissing() {
            fixture.given(issued("CI", SCOPES, null))
                    .when(new RevokeApiKeyCommand(KEY_ID, OTHER_ORGANIZATION_ID))
                    .expectException(refusedWith(IdKind.API_KEY.notFoundCode()))
                    .expectExceptionMessage("No API key " + KEY_ID)
                    .expectNoEvents();
        }
    }
}
