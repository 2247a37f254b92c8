package dev.warden.command.identity;

import dev.warden.command.support.AggregateLocks;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.SignInCommand;
import dev.warden.events.identity.StartSessionCommand;
import dev.warden.events.shared.ThrottledException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Signing in with email, password and (when on) a TOTP code starts a {@link Session}. Failures are
 * throttled per email by the {@link SignInPolicy}, under a lock on that email, and every kind of
 * failure answers alike, so the answer never tells whether an email exists. The email is looked up,
 * and throttled, by its keyed hash; an erased user's email leads nowhere.
 */
@Component
class SignInCommandHandler {

    private final Repository<User> users;
    private final Repository<Session> sessions;
    private final UniqueNames names;
    private final Credentials credentials;
    private final PasswordHasher hasher;
    private final AggregateLocks locks;
    private final Clock clock;
    private final SignInPolicy policy;
    private final PersonalData personal;

    SignInCommandHandler(@Qualifier("userRepository") Repository<User> users,
                         @Qualifier("sessionRepository") Repository<Session> sessions, UniqueNames names,
                         Credentials credentials, PasswordHasher hasher, AggregateLocks locks, Clock clock,
                         AuthSettings settings, PersonalData personal) {
        this.users = users;
        this.sessions = sessions;
        this.names = names;
        this.credentials = credentials;
        this.hasher = hasher;
        this.locks = locks;
        this.clock = clock;
        this.policy = settings.signIn().policy();
        this.personal = personal;
    }

    @CommandHandler
    SignInCommand.Outcome handle(SignInCommand command) throws Exception {
        String emailHash = personal.emailHash(command.email() == null ? "" : command.email());
        String key = Credentials.signInKey(emailHash);
        locks.lockUntilCommit(key);
        Instant now = clock.instant();
        Optional<Credentials.Attempts> attempts = credentials.attempts(key);
        requireNoWait(attempts, now);
        Optional<Aggregate<User>> user = activeOwner(command, emailHash);
        if (user.isEmpty()) {
            return failed(key, attempts, now);
        }
        String userId = user.get().identifierAsString();
        boolean secondFactor = user.get().invoke(User::totpEnabled);
        if (secondFactor && (command.totpCode() == null || command.totpCode().isBlank())) {
            return SignInCommand.Outcome.SECOND_FACTOR_REQUIRED;
        }
        if (secondFactor && !credentials.useTotpCode(userId, command.totpCode(), now)) {
            return failed(key, attempts, now);
        }
        credentials.clearAttempts(key);
        startSession(command, userId, secondFactor);
        return SignInCommand.Outcome.SIGNED_IN;
    }

    private void requireNoWait(Optional<Credentials.Attempts> attempts, Instant now) {
        Optional<Duration> wait = attempts.flatMap(a -> policy.waitBefore(a, now));
        if (wait.isPresent()) {
            throw new ThrottledException(IdentityErrorCode.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-ins; try again later", wait.get());
        }
    }

    /**
     * The active user whose email and password the command gives; empty for an unknown email, a
     * wrong password or a deactivated user alike. The password is hashed even for an unknown email.
     */
    private Optional<Aggregate<User>> activeOwner(SignInCommand command, String emailHash) {
        Optional<String> userId = command.email() == null ? Optional.empty()
                : names.ownerOf(UserRules.EMAIL_SCOPE, emailHash);
        String hash = userId.flatMap(credentials::passwordHash).orElse(null);
        if (!hasher.matches(command.password(), hash)) {
            return Optional.empty();
        }
        Aggregate<User> user = users.load(userId.get());
        return user.invoke(User::active) ? Optional.of(user) : Optional.empty();
    }

    private SignInCommand.Outcome failed(String key, Optional<Credentials.Attempts> attempts, Instant now) {
        credentials.saveAttempts(key, policy.failed(attempts, now));
        return SignInCommand.Outcome.INVALID_CREDENTIALS;
    }

    private void startSession(SignInCommand command, String userId, boolean secondFactor) throws Exception {
        StartSessionCommand start = new StartSessionCommand(command.sessionId(), userId, command.tokenHash(),
                command.expiresAt(), command.clientAddress(), command.userAgent(), secondFactor);
        sessions.newInstance(() -> new Session(start));
    }
}
