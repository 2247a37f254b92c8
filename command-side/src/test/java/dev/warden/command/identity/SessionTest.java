package dev.warden.command.identity;

import static dev.warden.command.identity.IdentityTestData.EMAIL;
import static dev.warden.command.identity.IdentityTestData.FREE_ATTEMPTS;
import static dev.warden.command.identity.IdentityTestData.LOCKOUT;
import static dev.warden.command.identity.IdentityTestData.MAX_ATTEMPTS;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.identity.IdentityTestData.aliceRegistered;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static dev.warden.command.support.DomainErrors.throttledFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.MutableClock;
import dev.warden.command.support.RecordingAggregateLocks;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.RevokeSessionCommand;
import dev.warden.events.identity.SessionRevokedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.SignInCommand;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.ThrottledException;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sessions: signing in through {@link SignInCommandHandler}, and ending a session. */
class SessionTest {

    private static final String SESSION_ID = AccessTestData.id(IdKind.SESSION, "alice");
    private static final String TOKEN_HASH = "b".repeat(64);
    private static final String PASSWORD = "correct horse battery staple";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EXPIRES_AT = START.plus(Duration.ofHours(12));

    /** One real Argon2 hash for the whole class: hashing is slow on purpose. */
    private static String passwordHash;

    private AggregateTestFixture<Session> fixture;
    private EventSourcedAggregates<User> users;
    private InMemoryCredentials credentials;
    private InMemoryUniqueNames names;
    private MutableClock clock;

    @BeforeAll
    static void hashPassword() {
        passwordHash = IdentityTestData.hasher().hash(PASSWORD);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        users = new EventSourcedAggregates<>(User.class);
        users.given(USER_ID, aliceRegistered(), new PasswordChangedEvent(USER_ID));
        names = new InMemoryUniqueNames();
        AccessTestData.claimSystemRoleNames(names);
        names.claim(UserRules.EMAIL_SCOPE, IdentityTestData.emailHash(EMAIL), USER_ID);
        credentials = new InMemoryCredentials();
        credentials.savePassword(USER_ID, passwordHash);
        clock = new MutableClock(START);
        IdentityTestData.identityCommandHandlers(users.repository(),
                new EventSourcedAggregates<>(Organization.class).repository(), fixture.getRepository(),
                new EventSourcedAggregates<>(ApiKey.class).repository(), names, credentials,
                new RecordingAggregateLocks(), clock)
                .forEach(fixture::registerAnnotatedCommandHandler);
    }

    private static SignInCommand signIn(String email, String password, String totpCode) {
        return new SignInCommand(SESSION_ID, email, password, totpCode, TOKEN_HASH, EXPIRES_AT, "203.0.113.7",
                "curl/8");
    }

    private static SessionStartedEvent started(boolean secondFactor) {
        return new SessionStartedEvent(SESSION_ID, USER_ID, TOKEN_HASH, EXPIRES_AT, "203.0.113.7", "curl/8",
                secondFactor);
    }

    @Nested
    class Revoking {

        @Test
        void ownerRevokesSession() {
            fixture.given(started(false))
                    .when(new RevokeSessionCommand(SESSION_ID, USER_ID))
                    .expectEvents(new SessionRevokedEvent(SESSION_ID, USER_ID));
        }

        @Test
        void anotherUsersSessionLooksMissing() {
            fixture.given(started(false))
                    .when(new RevokeSessionCommand(SESSION_ID, OTHER_USER_ID))
                    .expectException(refusedWith(IdKind.SESSION.notFoundCode()))
                    .expectExceptionMessage("No session " + SESSION_ID)
                    .expectNoEvents();
        }

        @Test
        void revokingTwiceStoresNothing() {
            fixture.given(started(false), new SessionRevokedEvent(SESSION_ID, USER_ID))
                    .when(new RevokeSessionCommand(SESSION_ID, USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class SigningIn {

        @Test
        void startsSessionWithTheRightPasswordIgnoringTheEmailsCase() {
            fixture.givenNoPriorActivity()
                    .when(signIn(" ALICE@example.com", PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.SIGNED_IN)
                    .expectEvents(started(false));
        }

        @Test
        void wrongPasswordStartsNothingAndCountsTheFailure() {
            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, "not the password at all", null))
                    .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS)
                    .expectNoEvents();

            assertThat(credentials.allAttempts().values())
                    .containsExactly(new Credentials.Attempts(1, START, null));
        }

        @Test
        void unknownEmailAnswersLikeAWrongPasswordAndCountsToo() {
            fixture.givenNoPriorActivity()
                    .when(signIn("nobody@example.com", PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS)
                    .expectNoEvents();

            assertThat(credentials.allAttempts().values())
                    .containsExactly(new Credentials.Attempts(1, START, null));
        }

        @Test
        void deactivatedUserCannotSignIn() {
            users.given(USER_ID, new UserDeactivatedEvent(USER_ID));

            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS)
                    .expectNoEvents();
        }

        @Test
        void successClearsEarlierFailures() {
            fixture.givenCommands(signIn(EMAIL, "wrong password one", null))
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.SIGNED_IN)
                    .expectEvents(started(false));

            assertThat(credentials.allAttempts()).isEmpty();
        }

        @Test
        void refusesEvenTheRightPasswordWhileLockedOut() {
            for (int i = 0; i < MAX_ATTEMPTS; i++) {
                clock.advance(LOCKOUT);
                fixture.givenNoPriorActivity().when(signIn(EMAIL, "wrong password " + i, null))
                        .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS);
            }
            clock.advance(Duration.ofMinutes(1));

            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectException(ThrottledException.class)
                    .expectException(refusedWith(IdentityErrorCode.TOO_MANY_ATTEMPTS))
                    .expectNoEvents();

            clock.advance(LOCKOUT);
            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.SIGNED_IN)
                    .expectEvents(started(false));
        }

        @Test
        void slowsDownAfterTheFreeAttempts() {
            for (int i = 0; i < FREE_ATTEMPTS; i++) {
                fixture.givenNoPriorActivity().when(signIn(EMAIL, "wrong password " + i, null))
                        .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS);
            }
            clock.advance(Duration.ofMillis(400));

            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectException(throttledFor(Duration.ofMillis(600)))
                    .expectNoEvents();

            clock.advance(Duration.ofMillis(600));
            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.SIGNED_IN)
                    .expectEvents(started(false));
        }

        @Test
        void asksForTheSecondFactorWithoutCountingAFailure() {
            users.given(USER_ID, new TotpEnabledEvent(USER_ID));

            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.SECOND_FACTOR_REQUIRED)
                    .expectNoEvents();

            assertThat(credentials.allAttempts()).isEmpty();
        }

        @Test
        void startsSessionWithPasswordAndCurrentCode() {
            users.given(USER_ID, new TotpEnabledEvent(USER_ID));
            String secret = Totp.newSecret();
            credentials.saveTotpSecret(USER_ID, secret);
            credentials.confirmTotp(USER_ID);

            fixture.givenNoPriorActivity()
                    .when(signIn(EMAIL, PASSWORD, Totp.code(secret, Totp.step(START))))
                    .expectResultMessagePayload(SignInCommand.Outcome.SIGNED_IN)
                    .expectEvents(started(true));
        }

        @Test
        void aCodeUsedToSignInCannotSignInAgain() {
            users.given(USER_ID, new TotpEnabledEvent(USER_ID));
            String secret = Totp.newSecret();
            credentials.saveTotpSecret(USER_ID, secret);
            credentials.confirmTotp(USER_ID);
            String code = Totp.code(secret, Totp.step(START));

            fixture.givenCommands(signIn(EMAIL, PASSWORD, code))
                    .when(new SignInCommand(AccessTestData.id(IdKind.SESSION, "replay"), EMAIL, PASSWORD, code,
                            "c".repeat(64), EXPIRES_AT, null, null))
                    .expectResultMessagePayload(SignInCommand.Outcome.INVALID_CREDENTIALS)
                    .expectNoEvents();

            assertThat(credentials.allAttempts().values()).extracting(Credentials.Attempts::failures)
                    .containsExactly(1);
        }
    }
}
