package dev.warden.command.identity;

import dev.warden.command.access.AccessTestData;
import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.Grants;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.modelling.command.Repository;

/** Sample users shared by the identity fixture tests; organizations and roles are in {@link AccessTestData}. */
final class IdentityTestData {

    static final String USER_ID = AccessTestData.USER_ID;
    static final String OTHER_USER_ID = AccessTestData.OTHER_USER_ID;
    static final String MEMBER_ID = AccessTestData.MEMBER_ID;
    static final String OTHER_MEMBER_ID = AccessTestData.id(IdKind.MEMBER, "bob");
    static final String EMAIL = "alice@example.com";
    static final String PASSWORD_HASH = "$argon2id$not-a-real-hash";

    static final int FREE_ATTEMPTS = 3;
    static final int MAX_ATTEMPTS = 10;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private IdentityTestData() {
    }

    static UserRegisteredEvent aliceRegistered() {
        return registered(USER_ID, EMAIL, "Alice");
    }

    static UserRegisteredEvent bobRegistered() {
        return registered(OTHER_USER_ID, "bob@example.com", "Bob");
    }

    /** The keyed hash {@link TestPersonalData} gives an email: what the email's claim is keyed by. */
    static String emailHash(String email) {
        return new TestPersonalData().emailHash(email);
    }

    /** The event registering a user records, with email and name sealed by {@link TestPersonalData}. */
    static UserRegisteredEvent registered(String userId, String email, String name) {
        return UserRegisteredEvent.encrypted(userId, TestPersonalData.sealed(userId, PersonalFields.EMAIL, email),
                TestPersonalData.sealed(userId, PersonalFields.DISPLAY_NAME, name));
    }

    /**
     * The identity command handlers on the given repositories, with the system roles found through
     * {@code names} (see {@link AccessTestData#claimSystemRoleNames}), no lock database and the
     * sign-in limits {@value #FREE_ATTEMPTS} free, {@value #MAX_ATTEMPTS} until a lockout of {@link #LOCKOUT}.
     */
    static List<Object> identityCommandHandlers(Repository<User> users, Repository<Organization> organizations,
                                                Repository<Session> sessions, Repository<ApiKey> apiKeys,
                                                UniqueNames names, Credentials credentials, AggregateLocks locks,
                                                Clock clock) {
        Operators operators = new Operators(users, names);
        PersonalData personal = new TestPersonalData();
        return List.of(
                new RegistrationCommandHandler(users, organizations, names, credentials,
                        AccessTestData.roleDirectory(names, null), operators, personal),
                new UserCommandHandler(users, names, credentials, personal),
                new PersonalDataCommandHandler(users, names, credentials, personal, operators),
                new TotpCommandHandler(users, credentials, clock),
                new SignInCommandHandler(users, sessions, names, credentials, Hasher.INSTANCE, locks, clock,
                        new AuthSettings(Duration.ofHours(12),
                                new AuthSettings.SignIn(FREE_ATTEMPTS, MAX_ATTEMPTS, LOCKOUT)), personal),
                new ApiKeyCommandHandler(organizations, apiKeys, new Grants(), clock));
    }

    /** The one password hasher of the tests: building it spends an Argon2 hash, so only when first needed. */
    static PasswordHasher hasher() {
        return Hasher.INSTANCE;
    }

    private static final class Hasher {
        static final PasswordHasher INSTANCE = new PasswordHasher();
    }
}
