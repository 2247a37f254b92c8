package dev.warden.command.identity;

import dev.warden.events.shared.SecurityErrorCode;
import static dev.warden.command.access.AccessTestData.ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.access.AccessTestData.SYSTEM_ROLE_ID;
import static dev.warden.command.access.AccessTestData.aliceJoined;
import static dev.warden.command.access.AccessTestData.organizationCreated;
import static dev.warden.command.identity.IdentityTestData.EMAIL;
import static dev.warden.command.identity.IdentityTestData.MEMBER_ID;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.PASSWORD_HASH;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.identity.IdentityTestData.aliceRegistered;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.command.support.RequestContext;
import dev.warden.events.access.RoleAssignedEvent;
import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AccountUnlinkedEvent;
import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.BeginTotpEnrolmentCommand;
import dev.warden.events.identity.BootstrapAdminCommand;
import dev.warden.events.identity.ChangeDisplayNameCommand;
import dev.warden.events.identity.ChangeEmailCommand;
import dev.warden.events.identity.ChangePasswordCommand;
import dev.warden.events.identity.DeactivateUserCommand;
import dev.warden.events.identity.DisableTotpCommand;
import dev.warden.events.identity.EnableTotpCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.RevokeOperatorCommand;
import dev.warden.events.identity.OperatorGrantedEvent;
import dev.warden.events.identity.GrantOperatorCommand;
import dev.warden.events.identity.LinkAccountCommand;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.PasswordRemovedEvent;
import dev.warden.events.identity.ReactivateUserCommand;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.RemovePasswordCommand;
import dev.warden.events.identity.RevokeAllSessionsCommand;
import dev.warden.events.identity.TotpDisabledEvent;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UnlinkAccountCommand;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.IdKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The user's life cycle, which {@link RegistrationCommandHandler}, {@link UserCommandHandler} and
 * {@link TotpCommandHandler} run because email and external-account uniqueness spans all users and
 * secrets live in {@link Credentials}, outside the log.
 */
class UserTest {

    private static final String ACCOUNT_ID = AccessTestData.id(IdKind.ACCOUNT, "github");
    private static final String OTHER_ACCOUNT_ID = AccessTestData.id(IdKind.ACCOUNT, "gitlab");
    /** The claim key of the GitHub account 42: its keyed hash, as {@link TestPersonalData} makes it. */
    private static final String ACCOUNT_KEY = new TestPersonalData().accountHash("github", "42");

    private AggregateTestFixture<User> fixture;
    private InMemoryUniqueNames names;
    private InMemoryCredentials credentials;
    private EventSourcedAggregates<Organization> organizations;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        names = new InMemoryUniqueNames();
        AccessTestData.claimSystemRoleNames(names);
        credentials = new InMemoryCredentials();
        organizations = new EventSourcedAggregates<>(Organization.class);
        organizations.given(ORGANIZATION_ID, organizationCreated(ORGANIZATION_ID), aliceJoined());
        organizations.given(OTHER_ORGANIZATION_ID, organizationCreated(OTHER_ORGANIZATION_ID));
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        IdentityTestData.identityCommandHandlers(fixture.getRepository(),
                organizations.repository(), new EventSourcedAggregates<>(Session.class).repository(),
                new EventSourcedAggregates<>(ApiKey.class).repository(), names, credentials,
                new RecordingAggregateLocks(), clock)
                .forEach(fixture::registerAnnotatedCommandHandler);
        fixture.registerAnnotatedCommandHandler(new AccountCommandHandler(fixture.getRepository(),
                new Operators(fixture.getRepository(), names)));
    }

    /** Alice as registration leaves her: her email claimed and a password stored. */
    private TestExecutor<User> givenAlice(Object... laterEvents) {
        names.claim(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL), USER_ID);
        credentials.savePassword(USER_ID, PASSWORD_HASH);
        return fixture.given(aliceRegistered(), new PasswordChangedEvent(USER_ID)).andGiven(laterEvents);
    }

    private static RegisterUserCommand register(String email, String displayName) {
        return new RegisterUserCommand(USER_ID, email, displayName, PASSWORD_HASH, null, null);
    }

    @Nested
    class Registering {

        @Test
        void registersUserWithStrippedEmailAndNameClaimsEmailAndStoresPasswordHash() {
            fixture.givenNoPriorActivity()
                    .when(register("  Alice@Example.com ", " Alice "))
                    .expectEvents(IdentityTestData.registered(USER_ID, "Alice@Example.com", "Alice"),
                            new PasswordChangedEvent(USER_ID));

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).contains(USER_ID);
            assertThat(credentials.passwordHash(USER_ID)).contains(PASSWORD_HASH);
        }

        @Test
        void registeringIntoAnOrganizationMakesTheUserAViewerThere() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand(OTHER_USER_ID, "bob@example.com", "Bob", PASSWORD_HASH,
                            ORGANIZATION_ID, IdentityTestData.OTHER_MEMBER_ID))
                    .expectEvents(IdentityTestData.registered(OTHER_USER_ID, "bob@example.com", "Bob"),
                            new PasswordChangedEvent(OTHER_USER_ID));

            assertThat(organizations.eventsOf(ORGANIZATION_ID)).endsWith(
                    new MemberAddedEvent(ORGANIZATION_ID, IdentityTestData.OTHER_MEMBER_ID, OTHER_USER_ID),
                    new RoleAssignedEvent(ORGANIZATION_ID, OTHER_USER_ID, SYSTEM_ROLE_ID));
        }

        @Test
        void rejectsUnknownOrganizationBeforeClaimingTheEmail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand(USER_ID, EMAIL, "Alice", PASSWORD_HASH,
                            AccessTestData.id(IdKind.ORGANIZATION, "nowhere"), MEMBER_ID))
                    .expectException(refusedWith(IdKind.ORGANIZATION.notFoundCode()))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).isEmpty();
            assertThat(credentials.passwordHash(USER_ID)).isEmpty();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void rejectsMissingPasswordHash(String passwordHash) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUserCommand(USER_ID, EMAIL, "Alice", passwordHash, null, null))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_PASSWORD))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).isEmpty();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "alice", "alice@example", "@example.com", "alice@", "al ice@example.com",
                "alice@@example.com", "alice@exa@mple.com", "alice@example.com\nbcc@example.com"})
        void rejectsInvalidEmail(String email) {
            fixture.givenNoPriorActivity()
                    .when(register(email, "Alice"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).isEmpty();
        }

        @Test
        void rejectsEmailLongerThanAllowed() {
            String local = "a".repeat(UserRules.MAX_EMAIL_LENGTH - "@example.com".length() + 1);

            fixture.givenNoPriorActivity()
                    .when(register(local + "@example.com", "Alice"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                    .expectNoEvents();
        }

        @Test
        void rejectsEmailTakenIgnoringCase() {
            names.claim(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL), OTHER_USER_ID);

            fixture.givenNoPriorActivity()
                    .when(register("ALICE@example.COM", "Alice"))
                    .expectException(refusedWith(IdentityErrorCode.EMAIL_TAKEN))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).contains(OTHER_USER_ID);
            assertThat(credentials.passwordHash(USER_ID)).isEmpty();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  ", "Alice\u0007"})
        void rejectsInvalidDisplayName(String displayName) {
            fixture.givenNoPriorActivity()
                    .when(register(EMAIL, displayName))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                    .expectNoEvents();
        }

        @Test
        void rejectsDisplayNameLongerThanAllowed() {
            String displayName = "n".repeat(UserRules.MAX_DISPLAY_NAME_LENGTH + 1);

            fixture.givenNoPriorActivity()
                    .when(register(EMAIL, displayName))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                    .expectNoEvents();
        }
    }

    @Nested
    class ChangingProfile {

        @Test
        void changesDisplayName() {
            givenAlice();

            fixture.when(new ChangeDisplayNameCommand(USER_ID, " Alice Liddell "))
                    .expectEvents(UserRenamedEvent.encrypted(USER_ID,
                            TestPersonalData.sealed(USER_ID, PersonalFields.DISPLAY_NAME, "Alice Liddell")));
        }

        @Test
        void changingToTheCurrentDisplayNameIsRecordedAgainSinceTheNameIsKeptOnlyEncrypted() {
            givenAlice();

            fixture.when(new ChangeDisplayNameCommand(USER_ID, "Alice"))
                    .expectEvents(UserRenamedEvent.encrypted(USER_ID,
                            TestPersonalData.sealed(USER_ID, PersonalFields.DISPLAY_NAME, "Alice")));
        }

        @Test
        void rejectsInvalidDisplayName() {
            givenAlice();

            fixture.when(new ChangeDisplayNameCommand(USER_ID, "\u0000"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                    .expectNoEvents();
        }

        @Test
        void changesEmailAndMovesItsClaim() {
            givenAlice();

            fixture.when(new ChangeEmailCommand(USER_ID, " Alice@Wonderland.example "))
                    .expectEvents(UserEmailChangedEvent.encrypted(USER_ID,
                            TestPersonalData.sealed(USER_ID, PersonalFields.EMAIL, "Alice@Wonderland.example")));

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash("alice@wonderland.example")))
                    .contains(USER_ID);
            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).as("the old email is free again")
                    .isEmpty();
        }

        @Test
        void changingOnlyTheCaseOfTheEmailKeepsItsClaim() {
            givenAlice();

            fixture.when(new ChangeEmailCommand(USER_ID, "ALICE@example.com"))
                    .expectEvents(UserEmailChangedEvent.encrypted(USER_ID,
                            TestPersonalData.sealed(USER_ID, PersonalFields.EMAIL, "ALICE@example.com")));

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).contains(USER_ID);
        }

        @Test
        void changingToTheCurrentEmailKeepsTheOneClaim() {
            givenAlice();

            fixture.when(new ChangeEmailCommand(USER_ID, EMAIL))
                    .expectSuccessfulHandlerExecution();

            assertThat(names.keysOf(UserRules.EMAIL_SCOPE, USER_ID)).containsExactly(IdentityTestData.emailHash(EMAIL));
        }

        @Test
        void rejectsEmailOfAnotherUserIgnoringCase() {
            givenAlice();
            names.claim(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash("bob@example.com"), OTHER_USER_ID);

            fixture.when(new ChangeEmailCommand(USER_ID, "Bob@Example.com"))
                    .expectException(refusedWith(IdentityErrorCode.EMAIL_TAKEN))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash("bob@example.com"))).contains(OTHER_USER_ID);
            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).contains(USER_ID);
        }

        @Test
        void rejectsInvalidEmail() {
            givenAlice();

            fixture.when(new ChangeEmailCommand(USER_ID, "alice@"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL))).contains(USER_ID);
        }

        @Test
        void rejectsUnknownUser() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeDisplayNameCommand(USER_ID, "Alice"))
                    .expectException(refusedWith(IdKind.USER.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class Passwords {

        @Test
        void changesPasswordHashOutsideTheLog() {
            givenAlice();

            fixture.when(new ChangePasswordCommand(USER_ID, "$argon2id$new"))
                    .expectEvents(new PasswordChangedEvent(USER_ID));

            assertThat(credentials.passwordHash(USER_ID)).contains("$argon2id$new");
        }

        @Test
        void rejectsRemovingThePasswordWithoutLinkedAccount() {
            givenAlice();

            fixture.when(new RemovePasswordCommand(USER_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_SIGN_IN_METHOD))
                    .expectNoEvents();

            assertThat(credentials.passwordHash(USER_ID)).contains(PASSWORD_HASH);
        }

        @Test
        void removesThePasswordWhenAnAccountIsLinked() {
            givenAlice(new AccountLinkedEvent(USER_ID, ACCOUNT_ID, "github", "42"));

            fixture.when(new RemovePasswordCommand(USER_ID))
                    .expectEvents(new PasswordRemovedEvent(USER_ID));

            assertThat(credentials.passwordHash(USER_ID)).isEmpty();
        }

        @Test
        void removingAnAbsentPasswordStoresNothing() {
            givenAlice(new AccountLinkedEvent(USER_ID, ACCOUNT_ID, "github", "42"), new PasswordRemovedEvent(USER_ID));

            fixture.when(new RemovePasswordCommand(USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class LinkedAccounts {

        @Test
        void linksAccountWithNormalizedProviderAndClaimsIt() {
            givenAlice();

            fixture.when(new LinkAccountCommand(USER_ID, ACCOUNT_ID, " GitHub ", " 42 "))
                    .expectEvents(AccountLinkedEvent.encrypted(USER_ID, ACCOUNT_ID, "github",
                            TestPersonalData.sealed(USER_ID, PersonalFields.PROVIDER_ACCOUNT_ID, "42")));

            assertThat(names.ownerOf(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY)).contains(ACCOUNT_ID);
        }

        @Test
        void rejectsAccountLinkedToAnotherUser() {
            names.claim(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY, OTHER_ACCOUNT_ID);
            givenAlice();

            fixture.when(new LinkAccountCommand(USER_ID, ACCOUNT_ID, "github", "42"))
                    .expectException(refusedWith(IdentityErrorCode.ACCOUNT_TAKEN))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY)).contains(OTHER_ACCOUNT_ID);
        }

        @Test
        void sameAccountIdAtAnotherProviderIsAnotherAccount() {
            names.claim(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY, OTHER_ACCOUNT_ID);
            givenAlice();

            fixture.when(new LinkAccountCommand(USER_ID, ACCOUNT_ID, "gitlab", "42"))
                    .expectEvents(AccountLinkedEvent.encrypted(USER_ID, ACCOUNT_ID, "gitlab",
                            TestPersonalData.sealed(USER_ID, PersonalFields.PROVIDER_ACCOUNT_ID, "42")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "git hub", "-github", "github/enterprise"})
        void rejectsInvalidProvider(String provider) {
            givenAlice();

            fixture.when(new LinkAccountCommand(USER_ID, ACCOUNT_ID, provider, "42"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_PROVIDER))
                    .expectNoEvents();
        }

        @Test
        void rejectsInvalidProviderAccountId() {
            givenAlice();

            fixture.when(new LinkAccountCommand(USER_ID, ACCOUNT_ID, "github", "4\n2"))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_PROVIDER))
                    .expectNoEvents();
        }

        @Test
        void unlinksAccountAndFreesIt() {
            names.claim(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY, ACCOUNT_ID);
            givenAlice(new AccountLinkedEvent(USER_ID, ACCOUNT_ID, "github", "42"));

            fixture.when(new UnlinkAccountCommand(USER_ID, ACCOUNT_ID))
                    .expectEvents(new AccountUnlinkedEvent(USER_ID, ACCOUNT_ID, "github", null));

            assertThat(names.ownerOf(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY)).isEmpty();
        }

        @Test
        void rejectsUnlinkingTheLastWayIn() {
            names.claim(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY, ACCOUNT_ID);
            givenAlice(new AccountLinkedEvent(USER_ID, ACCOUNT_ID, "github", "42"), new PasswordRemovedEvent(USER_ID));

            fixture.when(new UnlinkAccountCommand(USER_ID, ACCOUNT_ID))
                    .expectException(refusedWith(IdentityErrorCode.LAST_SIGN_IN_METHOD))
                    .expectNoEvents();

            assertThat(names.ownerOf(UserRules.ACCOUNT_SCOPE, ACCOUNT_KEY)).contains(ACCOUNT_ID);
        }

        @Test
        void unlinksOneOfTwoAccountsWithoutPassword() {
            givenAlice(new AccountLinkedEvent(USER_ID, ACCOUNT_ID, "github", "42"),
                    new AccountLinkedEvent(USER_ID, OTHER_ACCOUNT_ID, "gitlab", "7"),
                    new PasswordRemovedEvent(USER_ID));

            fixture.when(new UnlinkAccountCommand(USER_ID, ACCOUNT_ID))
                    .expectEvents(new AccountUnlinkedEvent(USER_ID, ACCOUNT_ID, "github", null));
        }

        @Test
        void rejectsUnlinkingUnknownAccount() {
            givenAlice();

            fixture.when(new UnlinkAccountCommand(USER_ID, ACCOUNT_ID))
                    .expectException(refusedWith(IdKind.ACCOUNT.notFoundCode()))
                    .expectNoEvents();
        }
    }

    @Nested
    class AccountWide {

        /** Runs {@code action} as Alice, an organization's Admin but no operator. */
        private void asAdminOfAnOrganization(Runnable action) {
            try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user",
                    ORGANIZATION_ID, "req-1", "req-1", null, Set.of("users:write", "sessions:write")))) {
                action.run();
            }
        }

        @Test
        void deactivatesAccount() {
            givenAlice();

            fixture.when(new DeactivateUserCommand(USER_ID))
                    .expectEvents(new UserDeactivatedEvent(USER_ID));
        }

        @Test
        void deactivatingTwiceStoresNothing() {
            givenAlice(new UserDeactivatedEvent(USER_ID));

            fixture.when(new DeactivateUserCommand(USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void reactivatesDeactivatedAccount() {
            givenAlice(new UserDeactivatedEvent(USER_ID));

            fixture.when(new ReactivateUserCommand(USER_ID))
                    .expectEvents(new UserReactivatedEvent(USER_ID));
        }

        @Test
        void reactivatingActiveUserStoresNothing() {
            givenAlice(new UserDeactivatedEvent(USER_ID), new UserReactivatedEvent(USER_ID));

            fixture.when(new ReactivateUserCommand(USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anOrganizationsAdminWhoIsNoOperatorCannotChangeAnAccount() {
            givenAlice();

            asAdminOfAnOrganization(() -> fixture.when(new DeactivateUserCommand(USER_ID))
                    .expectException(refusedWith(SecurityErrorCode.OPERATORS_ONLY))
                    .expectNoEvents());
            asAdminOfAnOrganization(() -> fixture.when(new GrantOperatorCommand(USER_ID))
                    .expectException(refusedWith(SecurityErrorCode.OPERATORS_ONLY))
                    .expectNoEvents());
        }

        @Test
        void revokesAllOwnSessions() {
            givenAlice();

            try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user", null,
                    "req-1", "req-1", null, Set.of()))) {
                fixture.when(new RevokeAllSessionsCommand(USER_ID))
                        .expectEvents(new AllSessionsRevokedEvent(USER_ID));
            }
        }

        @Test
        void grantsAndRevokesTheOperatorRole() {
            givenAlice();

            fixture.when(new GrantOperatorCommand(USER_ID))
                    .expectEvents(new OperatorGrantedEvent(USER_ID));
            assertThat(names.ownerOf("operator", USER_ID)).contains(USER_ID);
        }

        @Test
        void anOperatorCannotTakeTheRoleFromThemselves() {
            givenAlice(new OperatorGrantedEvent(USER_ID));

            try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(USER_ID, "user", null,
                    "req-1", "req-1", null, Set.of()))) {
                fixture.when(new RevokeOperatorCommand(USER_ID))
                        .expectException(refusedWith(IdentityErrorCode.OWN_OPERATOR_ROLE))
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class SecondFactor {

        /** The secret of RFC 6238's test vectors; with the fixed clock every code below is known in advance. */
        private final String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        private String currentCode() {
            return Totp.code(secret, Totp.step(clock.instant()));
        }

        /** A well-formed code that no step near the clock's time has. */
        private String wrongCode() {
            for (int digit = 0; ; digit++) {
                String code = String.valueOf(digit).repeat(6);
                if (Totp.matchingStep(secret, code, clock.instant()).isEmpty()) {
                    return code;
                }
            }
        }

        @Test
        void beginningEnrolmentStoresAnUnconfirmedSecretAndReturnsIt() {
            givenAlice();

            fixture.when(new BeginTotpEnrolmentCommand(USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(credentials.totp(USER_ID).orElseThrow().secret());

            assertThat(credentials.totp(USER_ID).orElseThrow().confirmed()).isFalse();
            assertThat(credentials.totp(USER_ID).orElseThrow().secret()).matches("[A-Z2-7]{32}");
        }

        @Test
        void rejectsEnablingWithoutEnrolment() {
            givenAlice();

            fixture.when(new EnableTotpCommand(USER_ID, "123456"))
                    .expectException(refusedWith(IdentityErrorCode.TOTP_NOT_ENROLLED))
                    .expectNoEvents();
        }

        @Test
        void enablesWithCurrentCodeAndConfirmsTheSecret() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice();

            fixture.when(new EnableTotpCommand(USER_ID, currentCode()))
                    .expectEvents(new TotpEnabledEvent(USER_ID));

            assertThat(credentials.totp(USER_ID).orElseThrow().confirmed()).isTrue();
        }

        @Test
        void acceptsTheCodeOfThePreviousStepForClockSkew() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice();

            fixture.when(new EnableTotpCommand(USER_ID, Totp.code(secret, Totp.step(clock.instant()) - 1)))
                    .expectEvents(new TotpEnabledEvent(USER_ID));
        }

        @Test
        void rejectsTheCodeOfTwoStepsAgo() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice();
            String oldCode = Totp.code(secret, Totp.step(clock.instant()) - 2);
            assertThat(oldCode).as("differs from the codes of the accepted steps")
                    .isNotIn(Totp.code(secret, Totp.step(clock.instant()) - 1), currentCode(),
                            Totp.code(secret, Totp.step(clock.instant()) + 1));

            fixture.when(new EnableTotpCommand(USER_ID, oldCode))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_TOTP_CODE))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "12345", "1234567", "abcdef"})
        void rejectsMalformedCode(String code) {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice();

            fixture.when(new EnableTotpCommand(USER_ID, code))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_TOTP_CODE))
                    .expectNoEvents();

            assertThat(credentials.totp(USER_ID).orElseThrow().confirmed()).isFalse();
        }

        @Test
        void aCodeCannotBeUsedTwice() {
            credentials.saveTotpSecret(USER_ID, secret);
            String code = currentCode();

            givenAlice().andGivenCommands(new EnableTotpCommand(USER_ID, code))
                    .when(new DisableTotpCommand(USER_ID, code))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_TOTP_CODE))
                    .expectNoEvents();

            assertThat(credentials.totp(USER_ID)).as("TOTP stays on").isPresent();
        }

        @Test
        void aCodeOfALaterStepIsAcceptedAfterwards() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice().andGivenCommands(new EnableTotpCommand(USER_ID, currentCode()));
            clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));

            fixture.when(new DisableTotpCommand(USER_ID, currentCode()))
                    .expectEvents(new TotpDisabledEvent(USER_ID));

            assertThat(credentials.totp(USER_ID)).as("the secret is gone").isEmpty();
        }

        @Test
        void rejectsEnablingTwice() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice(new TotpEnabledEvent(USER_ID));

            fixture.when(new EnableTotpCommand(USER_ID, currentCode()))
                    .expectException(refusedWith(IdentityErrorCode.TOTP_ALREADY_ENABLED))
                    .expectNoEvents();
        }

        @Test
        void rejectsNewEnrolmentWhileEnabled() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice(new TotpEnabledEvent(USER_ID));

            fixture.when(new BeginTotpEnrolmentCommand(USER_ID))
                    .expectException(refusedWith(IdentityErrorCode.TOTP_ALREADY_ENABLED))
                    .expectNoEvents();

            assertThat(credentials.totp(USER_ID).orElseThrow().secret()).isEqualTo(secret);
        }

        @Test
        void rejectsDisablingWithWrongCode() {
            credentials.saveTotpSecret(USER_ID, secret);
            credentials.confirmTotp(USER_ID);
            givenAlice(new TotpEnabledEvent(USER_ID));
            fixture.when(new DisableTotpCommand(USER_ID, wrongCode()))
                    .expectException(refusedWith(IdentityErrorCode.INVALID_TOTP_CODE))
                    .expectNoEvents();

            assertThat(credentials.totp(USER_ID)).isPresent();
        }

        @Test
        void rejectsDisablingWhenNotEnabled() {
            credentials.saveTotpSecret(USER_ID, secret);
            givenAlice();

            fixture.when(new DisableTotpCommand(USER_ID, currentCode()))
                    .expectException(refusedWith(IdentityErrorCode.TOTP_NOT_ENROLLED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Bootstrapping {

        private final String newOrganizationId = AccessTestData.id(IdKind.ORGANIZATION, "first");

        private BootstrapAdminCommand bootstrap() {
            return new BootstrapAdminCommand(USER_ID, EMAIL, "Alice", PASSWORD_HASH, newOrganizationId, "Acme",
                    MEMBER_ID);
        }

        @Test
        void firstAdminGetsAnOrganizationToAdministerAndIsTheFirstOperator() {
            fixture.givenNoPriorActivity()
                    .when(bootstrap())
                    .expectEvents(aliceRegistered(), new PasswordChangedEvent(USER_ID), new OperatorGrantedEvent(USER_ID));

            assertThat(organizations.eventsOf(newOrganizationId)).containsExactly(
                    new OrganizationCreatedEvent(newOrganizationId, "Acme"),
                    new MemberAddedEvent(newOrganizationId, MEMBER_ID, USER_ID),
                    new RoleAssignedEvent(newOrganizationId, USER_ID, AccessTestData.ADMIN_ROLE_ID));
            assertThat(credentials.passwordHash(USER_ID)).contains(PASSWORD_HASH);
        }

        @Test
        void happensOnlyOnce() {
            names.claim(RegistrationCommandHandler.BOOTSTRAP_SCOPE, "first-admin", OTHER_USER_ID);

            fixture.givenNoPriorActivity()
                    .when(bootstrap())
                    .expectException(refusedWith(IdentityErrorCode.ALREADY_BOOTSTRAPPED))
                    .expectNoEvents();

            assertThat(organizations.eventsOf(newOrganizationId)).isEmpty();
        }

        @Test
        void isRefusedOnceUsersExist() {
            names.claim(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash("bob@example.com"), OTHER_USER_ID);

            fixture.givenNoPriorActivity()
                    .when(bootstrap())
                    .expectException(refusedWith(IdentityErrorCode.ALREADY_BOOTSTRAPPED))
                    .expectNoEvents();

            assertThat(organizations.eventsOf(newOrganizationId)).isEmpty();
        }
    }
}
