package dev.warden.command.identity;

import static dev.warden.command.support.DomainErrors.refusedWith;
import static dev.warden.command.identity.IdentityTestData.EMAIL;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.PASSWORD_HASH;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.identity.IdentityTestData.aliceRegistered;
import static dev.warden.command.identity.IdentityTestData.emailHash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.command.support.RequestContext;
import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.ChangeDisplayNameCommand;
import dev.warden.events.identity.ErasePersonalDataCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.OperatorGrantedEvent;
import dev.warden.events.identity.OperatorRevokedEvent;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.ReactivateUserCommand;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserPersonalDataErasedEvent;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.SecurityErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasing a user's personal data: keys destroyed, claims released, secrets deleted, sign-in ended and
 * the erasure recorded with ids only; by the user or an operator, once.
 */
class ErasureTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String INVITATION_ID = AccessTestData.id(IdKind.INVITATION, "to-alice");

    private AggregateTestFixture<User> fixture;
    private InMemoryUniqueNames names;
    private InMemoryCredentials credentials;
    private TestPersonalData personal;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        names = new InMemoryUniqueNames();
        credentials = new InMemoryCredentials();
        personal = new TestPersonalData();
        fixture.registerAnnotatedCommandHandler(new PersonalDataCommandHandler(fixture.getRepository(), names,
                credentials, personal, new Operators(fixture.getRepository(), names)));
        fixture.registerAnnotatedCommandHandler(new UserCommandHandler(fixture.getRepository(), names, credentials,
                personal));
        fixture.registerAnnotatedCommandHandler(new AccountCommandHandler(fixture.getRepository(),
                new Operators(fixture.getRepository(), names)));
        names.claim(UserRules.EMAIL_SCOPE, emailHash(EMAIL), USER_ID);
        names.claim(UserRules.INVITATION_EMAIL_SCOPE, INVITATION_ID, emailHash(EMAIL));
        credentials.savePassword(USER_ID, PASSWORD_HASH);
        credentials.saveTotpSecret(USER_ID, "JBSWY3DPEHPK3PXP");
        credentials.saveAttempts(Credentials.signInKey(emailHash(EMAIL)), new Credentials.Attempts(3, NOW, null));
    }

    @Test
    void theUserErasesThemselfAndEverythingPersonalGoes() {
        asUser(USER_ID, () -> fixture.given(aliceRegistered(), new PasswordChangedEvent(USER_ID))
                .when(new ErasePersonalDataCommand(USER_ID))
                .expectEvents(new UserDeactivatedEvent(USER_ID), new AllSessionsRevokedEvent(USER_ID),
                        new UserPersonalDataErasedEvent(USER_ID, List.of(INVITATION_ID))));

        assertThat(personal.erased(USER_ID)).as("the user's data key").isTrue();
        assertThat(personal.erased(INVITATION_ID)).as("the key of the invitation sent to their email").isTrue();
        assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, emailHash(EMAIL))).as("the email is free").isEmpty();
        assertThat(names.anyIn(UserRules.INVITATION_EMAIL_SCOPE)).isFalse();
        assertThat(credentials.passwordHash(USER_ID)).isEmpty();
        assertThat(credentials.totp(USER_ID)).isEmpty();
        assertThat(credentials.attempts(Credentials.signInKey(emailHash(EMAIL)))).as("failed sign-ins counted")
                .isEmpty();
    }

    @Test
    void linkedAccountsLoseTheirClaims() {
        String accountId = AccessTestData.id(IdKind.ACCOUNT, "github");
        names.claim(UserRules.ACCOUNT_SCOPE, personal.accountHash("github", EMAIL), accountId);
        asUser(USER_ID, () -> fixture.given(aliceRegistered(), AccountLinkedEvent.encrypted(USER_ID, accountId,
                        "github", TestPersonalData.sealed(USER_ID, PersonalFields.PROVIDER_ACCOUNT_ID, EMAIL)))
                .when(new ErasePersonalDataCommand(USER_ID))
                .expectSuccessfulHandlerExecution());

        assertThat(names.anyIn(UserRules.ACCOUNT_SCOPE)).as("the external account may be linked again").isFalse();
    }

    @Test
    void aRepeatChangesNothingAndTheProfileCannotChangeAgain() {
        asUser(USER_ID, () -> {
            fixture.given(aliceRegistered(), new UserPersonalDataErasedEvent(USER_ID, List.of()))
                    .when(new ErasePersonalDataCommand(USER_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(aliceRegistered(), new UserPersonalDataErasedEvent(USER_ID, List.of()))
                    .when(new ChangeDisplayNameCommand(USER_ID, "Alice again"))
                    .expectException(refusedWith(IdentityErrorCode.USER_ERASED))
                    .expectNoEvents();
        });
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(USER_ID),
                        new UserPersonalDataErasedEvent(USER_ID, List.of()))
                .when(new ReactivateUserCommand(USER_ID))
                .expectException(refusedWith(IdentityErrorCode.USER_ERASED))
                .expectNoEvents();
    }

    @Test
    void theLastOperatorCannotBeErasedAndNothingChanges() {
        names.claim(Operators.SCOPE, USER_ID, USER_ID);
        asUser(USER_ID, () -> fixture.given(aliceRegistered(), new OperatorGrantedEvent(USER_ID))
                .when(new ErasePersonalDataCommand(USER_ID))
                .expectException(refusedWith(IdentityErrorCode.LAST_OPERATOR))
                .expectNoEvents());

        assertThat(personal.erased(USER_ID)).isFalse();
        assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, emailHash(EMAIL))).contains(USER_ID);
        assertThat(names.ownerOf(Operators.SCOPE, USER_ID)).as("still the operator").contains(USER_ID);
        assertThat(credentials.passwordHash(USER_ID)).isPresent();
        assertThat(credentials.attempts(Credentials.signInKey(emailHash(EMAIL)))).isPresent();
    }

    @Test
    void anOperatorWithAnotherOneLeftIsErasedAndLosesTheRole() {
        names.claim(Operators.SCOPE, USER_ID, USER_ID);
        names.claim(Operators.SCOPE, OTHER_USER_ID, OTHER_USER_ID);
        asUser(USER_ID, () -> fixture.given(aliceRegistered(), new OperatorGrantedEvent(USER_ID))
                .when(new ErasePersonalDataCommand(USER_ID))
                .expectEvents(new OperatorRevokedEvent(USER_ID), new UserDeactivatedEvent(USER_ID),
                        new AllSessionsRevokedEvent(USER_ID),
                        new UserPersonalDataErasedEvent(USER_ID, List.of(INVITATION_ID))));

        assertThat(names.ownerOf(Operators.SCOPE, USER_ID)).isEmpty();
        assertThat(names.ownerOf(Operators.SCOPE, OTHER_USER_ID)).contains(OTHER_USER_ID);
    }

    @Test
    void anApiKeyIsRefused() {
        as(Actor.API_KEY, "key_1", () -> fixture.given(aliceRegistered())
                .when(new ErasePersonalDataCommand(USER_ID))
                .expectException(refusedWith(SecurityErrorCode.OPERATORS_ONLY))
                .expectNoEvents());

        assertThat(personal.erased(USER_ID)).isFalse();
        assertThat(names.ownerOf(UserRules.EMAIL_SCOPE, emailHash(EMAIL))).contains(USER_ID);
    }

    private static void asUser(String userId, Runnable action) {
        as(Actor.USER, userId, action);
    }

    private static void as(String actorType, String actorId, Runnable action) {
        try (RequestContext.Scope ignored = RequestContext.open(new RequestContext(actorId, actorType, null, "req-1",
                "req-1", null, Set.of()))) {
            action.run();
        }
    }
}
