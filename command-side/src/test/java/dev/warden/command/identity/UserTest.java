package dev.warden.command.identity;

import static dev.warden.command.identity.IdentityTestData.EMAIL;
import static dev.warden.command.identity.IdentityTestData.OTHER_USER_ID;
import static dev.warden.command.identity.IdentityTestData.USER_ID;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.UserRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Registration, which {@link IdentityCommandHandler} runs because email uniqueness spans all users. */
class UserTest {

    private AggregateTestFixture<User> fixture;
    private InMemoryUniqueNames names;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        names = new InMemoryUniqueNames();
        fixture.registerAnnotatedCommandHandler(new IdentityCommandHandler(fixture.getRepository(),
                new EventSourcedAggregates<>(Organization.class).repository(), names));
    }

    @Test
    void registersUserWithStrippedEmailAndNameAndClaimsEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, "  Alice@Example.com ", " Alice "))
                .expectEvents(new UserRegisteredEvent(USER_ID, "Alice@Example.com", "Alice"));

        assertThat(names.ownerOf(IdentityCommandHandler.EMAIL_SCOPE, EMAIL)).contains(USER_ID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "alice", "alice@example", "@example.com", "alice@", "al ice@example.com",
            "alice@@example.com", "alice@exa@mple.com", "alice@example.com\nbcc@example.com"})
    void rejectsInvalidEmail(String email) {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, email, "Alice"))
                .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                .expectNoEvents();

        assertThat(names.ownerOf(IdentityCommandHandler.EMAIL_SCOPE, EMAIL)).isEmpty();
    }

    @Test
    void rejectsEmailLongerThanAllowed() {
        String local = "a".repeat(IdentityCommandHandler.MAX_EMAIL_LENGTH - "@example.com".length() + 1);

        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, local + "@example.com", "Alice"))
                .expectException(refusedWith(IdentityErrorCode.INVALID_EMAIL))
                .expectNoEvents();
    }

    @Test
    void rejectsEmailTakenIgnoringCase() {
        names.claim(IdentityCommandHandler.EMAIL_SCOPE, EMAIL, OTHER_USER_ID);

        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, "ALICE@example.COM", "Alice"))
                .expectException(refusedWith(IdentityErrorCode.EMAIL_TAKEN))
                .expectNoEvents();

        assertThat(names.ownerOf(IdentityCommandHandler.EMAIL_SCOPE, EMAIL)).contains(OTHER_USER_ID);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "Alice\u0007"})
    void rejectsInvalidDisplayName(String displayName) {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, EMAIL, displayName))
                .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                .expectNoEvents();
    }

    @Test
    void rejectsDisplayNameLongerThanAllowed() {
        String displayName = "n".repeat(IdentityCommandHandler.MAX_DISPLAY_NAME_LENGTH + 1);

        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(USER_ID, EMAIL, displayName))
                .expectException(refusedWith(IdentityErrorCode.INVALID_NAME))
                .expectNoEvents();
    }
}
