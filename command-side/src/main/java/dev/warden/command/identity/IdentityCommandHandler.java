package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.events.shared.IdKind;
import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.Grants;
import dev.warden.command.support.Secrets;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.access.Permissions;
import dev.warden.events.identity.BeginTotpEnrolmentCommand;
import dev.warden.events.identity.BootstrapAdminCommand;
import dev.warden.events.identity.ChangeDisplayNameCommand;
import dev.warden.events.identity.ChangeEmailCommand;
import dev.warden.events.identity.ChangePasswordCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.DisableTotpCommand;
import dev.warden.events.identity.EnableTotpCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.IssueApiKeyCommand;
import dev.warden.events.identity.LinkAccountCommand;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.identity.RemovePasswordCommand;
import dev.warden.events.identity.SignInCommand;
import dev.warden.events.identity.StartSessionCommand;
import dev.warden.events.identity.UnlinkAccountCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import dev.warden.events.shared.ThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Identity commands that need a set-wide rule (unique emails and external accounts), secret
 * material kept outside the log ({@link Credentials}), or a second aggregate (the user of a member).
 */
@Component
public class IdentityCommandHandler {

    /** The uniqueness scope of emails; its owners are user ids. */
    public static final String EMAIL_SCOPE = "user-email";
    static final String ACCOUNT_SCOPE = "external-account";
    static final String BOOTSTRAP_SCOPE = "bootstrap";
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    static final int MAX_KEY_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final TextRule EMAIL_TEXT = TextRule.line(IdentityErrorCode.INVALID_EMAIL, "An email address",
            MAX_EMAIL_LENGTH);
    private static final TextRule DISPLAY_NAME = TextRule.line(IdentityErrorCode.INVALID_NAME, "A display name",
            MAX_DISPLAY_NAME_LENGTH);
    private static final TextRule KEY_NAME = TextRule.line(IdentityErrorCode.INVALID_API_KEY, "A key name",
            MAX_KEY_NAME_LENGTH);
    private static final TextRule ACCOUNT_ID = TextRule.line(IdentityErrorCode.INVALID_PROVIDER,
            "A provider account id", 200);

    private final Repository<User> users;
    private final Repository<Organization> organizations;
    private final Repository<Session> sessions;
    private final Repository<ApiKey> apiKeys;
    private final UniqueNames names;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final RoleDirectory roles;
    private final Grants grants;
    private final AggregateLocks locks;
    private final Clock clock;
    private final SignInPolicy signInPolicy;
    private final Operators operators;

    IdentityCommandHandler(@Qualifier("userRepository") Repository<User> users,
                           @Qualifier("organizationRepository") Repository<Organization> organizations,
                           @Qualifier("sessionRepository") Repository<Session> sessions,
                           @Qualifier("apiKeyRepository") Repository<ApiKey> apiKeys,
                           UniqueNames names, Credentials credentials, PasswordHasher hasher,
                           RoleDirectory roles, Grants grants, AggregateLocks locks, Clock clock,
                           Operators operators,
                           @Value("${warden.auth.sign-in.free-attempts:3}") int freeAttempts,
                           @Value("${warden.auth.sign-in.max-attempts:10}") int maxAttempts,
                           @Value("${warden.auth.sign-in.lockout:15m}") Duration lockout) {
        this.users = users;
        this.organizations = organizations;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.names = names;
        this.credentials = credentials;
        this.hasher = hasher;
        this.roles = roles;
        this.grants = grants;
        this.locks = locks;
        this.clock = clock;
        this.signInPolicy = new SignInPolicy(freeAttempts, maxAttempts, lockout);
        this.operators = operators;
    }

    /** The uniqueness key of an email: the same for addresses that differ only in case. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Registers an account, an operator's act: whether an email is taken is no secret to an
     * operator, and would be an oracle to anyone else, since anyone can create an organization.
     */
    @CommandHandler
    void handle(RegisterUserCommand command) throws Exception {
        operators.require();
        Aggregate<Organization> org = command.organizationId() == null ? null : loadOrganization(command.organizationId());
        register(command.userId(), command.email(), command.displayName(), command.passwordHash());
        if (org != null) {
            org.execute(o -> o.addMember(command.memberId(), command.userId(), roles.viewerRoleId()));
        }
    }

    @CommandHandler
    void handle(BootstrapAdminCommand command) throws Exception {
        if (!names.claim(BOOTSTRAP_SCOPE, "first-admin", command.userId())) {
            throw new DomainException(IdentityErrorCode.ALREADY_BOOTSTRAPPED, "The first Admin exists already");
        }
        if (names.anyIn(EMAIL_SCOPE)) {
            throw new DomainException(IdentityErrorCode.ALREADY_BOOTSTRAPPED, "Users exist already");
        }
        operators.grant(register(command.userId(), command.email(), command.displayName(), command.passwordHash()));
        CreateOrganizationCommand create = new CreateOrganizationCommand(command.organizationId(),
                command.organizationName(), command.userId(), command.memberId());
        organizations.newInstance(() -> new Organization(create, roles.adminRoleId()));
    }

    private Aggregate<User> register(String userId, String rawEmail, String rawName, String passwordHash)
            throws Exception {
        String email = requireEmail(rawEmail);
        String displayName = requireDisplayName(rawName);
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new DomainException(IdentityErrorCode.INVALID_PASSWORD, "A password is required");
        }
        if (!names.claim(EMAIL_SCOPE, emailKey(email), userId)) {
            throw new DomainException(IdentityErrorCode.EMAIL_TAKEN, "A user with this email exists already");
        }
        credentials.savePassword(userId, passwordHash);
        return users.newInstance(() -> new User(userId, email, displayName));
    }

    @CommandHandler
    SignInCommand.Outcome handle(SignInCommand command) throws Exception {
        String key = Secrets.sha256("sign-in:" + emailKey(command.email() == null ? "" : command.email()));
        locks.lockUntilCommit(key);
        Instant now = clock.instant();
        Optional<Credentials.Attempts> attempts = credentials.attempts(key);
        Optional<Duration> wait = attempts.flatMap(a -> signInPolicy.waitBefore(a, now));
        if (wait.isPresent()) {
            throw new ThrottledException(IdentityErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-ins; try again later", wait.get());
        }
        Optional<String> userId = command.email() == null ? Optional.empty()
                : names.ownerOf(EMAIL_SCOPE, emailKey(command.email()));
        String hash = userId.flatMap(credentials::passwordHash).orElse(null);
        boolean passwordOk = hasher.matches(command.password(), hash);
        Aggregate<User> user = passwordOk ? users.load(userId.get()) : null;
        if (user == null || !user.invoke(User::active)) {
            credentials.saveAttempts(key, signInPolicy.failed(attempts, now));
            return SignInCommand.Outcome.INVALID_CREDENTIALS;
        }
        boolean secondFactor = user.invoke(User::totpEnabled);
        if (secondFactor) {
            if (command.totpCode() == null || command.totpCode().isBlank()) {
                return SignInCommand.Outcome.SECOND_FACTOR_REQUIRED;
            }
            if (!totpAccepted(userId.get(), command.totpCode(), now)) {
                credentials.saveAttempts(key, signInPolicy.failed(attempts, now));
                return SignInCommand.Outcome.INVALID_CREDENTIALS;
            }
        }
        credentials.clearAttempts(key);
        StartSessionCommand start = new StartSessionCommand(command.sessionId(), userId.get(), command.tokenHash(),
                command.expiresAt(), command.clientAddress(), command.userAgent(), secondFactor);
        sessions.newInstance(() -> new Session(start));
        return SignInCommand.Outcome.SIGNED_IN;
    }

    @CommandHandler
    void handle(ChangeDisplayNameCommand command) {
        String name = requireDisplayName(command.displayName());
        loadUser(command.userId()).execute(u -> u.rename(name));
    }

    @CommandHandler
    void handle(ChangeEmailCommand command) {
        String email = requireEmail(command.email());
        loadUser(command.userId()).execute(u -> {
            String oldKey = emailKey(u.email());
            String newKey = emailKey(email);
            if (!newKey.equals(oldKey)) {
                if (!names.claim(EMAIL_SCOPE, newKey, command.userId())) {
                    throw new DomainException(IdentityErrorCode.EMAIL_TAKEN, "A user with this email exists already");
                }
                names.release(EMAIL_SCOPE, oldKey, command.userId());
            }
            u.changeEmail(email);
        });
    }

    @CommandHandler
    void handle(ChangePasswordCommand command) {
        loadUser(command.userId()).execute(u -> {
            credentials.savePassword(command.userId(), command.passwordHash());
            u.passwordChanged();
        });
    }

    @CommandHandler
    void handle(RemovePasswordCommand command) {
        loadUser(command.userId()).execute(u -> {
            u.removePassword();
            credentials.removePassword(command.userId());
        });
    }

    @CommandHandler
    void handle(LinkAccountCommand command) {
        String provider = command.provider() == null ? "" : command.provider().strip().toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(provider).matches()) {
            throw new DomainException(IdentityErrorCode.INVALID_PROVIDER,
                    "A provider is 1 to 40 lowercase letters, digits, '.', '_' or '-'");
        }
        String account = ACCOUNT_ID.check(command.providerAccountId());
        Aggregate<User> user = loadUser(command.userId());
        if (!names.claim(ACCOUNT_SCOPE, provider + ":" + account, command.accountId())) {
            throw new DomainException(IdentityErrorCode.ACCOUNT_TAKEN,
                    "This external account is linked to a user already");
        }
        user.execute(u -> u.linkAccount(command.accountId(), provider, account));
    }

    @CommandHandler
    void handle(UnlinkAccountCommand command) {
        loadUser(command.userId()).execute(u -> {
            String key = u.unlinkAccount(command.accountId());
            names.release(ACCOUNT_SCOPE, key, command.accountId());
        });
    }

    @CommandHandler
    String handle(BeginTotpEnrolmentCommand command) {
        Aggregate<User> user = loadUser(command.userId());
        if (user.invoke(User::totpEnabled)) {
            throw new DomainException(IdentityErrorCode.TOTP_ALREADY_ENABLED, "TOTP is on already");
        }
        String secret = Totp.newSecret();
        credentials.saveTotpSecret(command.userId(), secret);
        return secret;
    }

    @CommandHandler
    void handle(EnableTotpCommand command) {
        Aggregate<User> user = loadUser(command.userId());
        if (user.invoke(User::totpEnabled)) {
            throw new DomainException(IdentityErrorCode.TOTP_ALREADY_ENABLED, "TOTP is on already");
        }
        if (credentials.totp(command.userId()).isEmpty()) {
            throw new DomainException(IdentityErrorCode.TOTP_NOT_ENROLLED, "Start a TOTP enrolment first");
        }
        if (!totpAccepted(command.userId(), command.code(), clock.instant())) {
            throw new DomainException(IdentityErrorCode.INVALID_TOTP_CODE, "The code is wrong or used already");
        }
        credentials.confirmTotp(command.userId());
        user.execute(User::enableTotp);
    }

    @CommandHandler
    void handle(DisableTotpCommand command) {
        Aggregate<User> user = loadUser(command.userId());
        if (!user.invoke(User::totpEnabled)) {
            throw new DomainException(IdentityErrorCode.TOTP_NOT_ENROLLED, "TOTP is not on");
        }
        if (!totpAccepted(command.userId(), command.code(), clock.instant())) {
            throw new DomainException(IdentityErrorCode.INVALID_TOTP_CODE, "The code is wrong or used already");
        }
        credentials.removeTotp(command.userId());
        user.execute(User::disableTotp);
    }

    private boolean totpAccepted(String userId, String code, Instant now) {
        Optional<Credentials.TotpSecret> secret = credentials.totp(userId);
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get().secret(), code, now);
        return step.isPresent() && credentials.useTotpStep(userId, step.getAsLong());
    }

    @CommandHandler
    void handle(CreateOrganizationCommand command) throws Exception {
        organizations.newInstance(() -> new Organization(command, roles.adminRoleId()));
    }

    @CommandHandler
    void handle(IssueApiKeyCommand command) throws Exception {
        String name = KEY_NAME.check(command.name());
        if (command.scopes() == null || command.scopes().isEmpty()) {
            throw new DomainException(IdentityErrorCode.INVALID_API_KEY, "A key needs at least one scope");
        }
        for (String scope : command.scopes()) {
            if (!Permissions.isKnown(scope)) {
                throw new DomainException(IdentityErrorCode.INVALID_API_KEY,
                        "Unknown permission: " + Text.excerpt(scope));
            }
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw new DomainException(IdentityErrorCode.INVALID_API_KEY, "An expiry lies in the future");
        }
        loadOrganization(command.organizationId());
        grants.requireHeld(command.scopes());
        apiKeys.newInstance(() -> new ApiKey(command, name));
    }

    static String requireEmail(String raw) {
        String email = EMAIL_TEXT.check(raw);
        if (!EMAIL.matcher(email).matches()) {
            throw new DomainException(IdentityErrorCode.INVALID_EMAIL, "Not a valid email address");
        }
        return email;
    }

    private static String requireDisplayName(String raw) {
        return DISPLAY_NAME.check(raw);
    }

    private Aggregate<User> loadUser(String userId) {
        return Aggregates.load(users, userId);
    }

    private Aggregate<Organization> loadOrganization(String organizationId) {
        return Aggregates.load(organizations, organizationId);
    }
}
