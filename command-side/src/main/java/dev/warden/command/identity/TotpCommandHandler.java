package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.events.identity.BeginTotpEnrolmentCommand;
import dev.warden.events.identity.DisableTotpCommand;
import dev.warden.events.identity.EnableTotpCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A user's TOTP second factor: an enrolment hands out a secret, a first valid code turns the factor
 * on, a valid code turns it off. The secret stays in {@link Credentials}; the log only records the switch.
 */
@Component
class TotpCommandHandler {

    private final Repository<User> users;
    private final Credentials credentials;
    private final Clock clock;

    TotpCommandHandler(@Qualifier("userRepository") Repository<User> users, Credentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    @CommandHandler
    String handle(BeginTotpEnrolmentCommand command) {
        requireOff(load(command.userId()));
        String secret = Totp.newSecret();
        credentials.saveTotpSecret(command.userId(), secret);
        return secret;
    }

    @CommandHandler
    void handle(EnableTotpCommand command) {
        Aggregate<User> user = load(command.userId());
        requireOff(user);
        if (credentials.totp(command.userId()).isEmpty()) {
            throw new DomainException(IdentityErrorCode.TOTP_NOT_ENROLLED, "Start a TOTP enrolment first");
        }
        requireCode(command.userId(), command.code());
        credentials.confirmTotp(command.userId());
        user.execute(User::enableTotp);
    }

    @CommandHandler
    void handle(DisableTotpCommand command) {
        Aggregate<User> user = load(command.userId());
        if (!user.invoke(User::totpEnabled)) {
            throw new DomainException(IdentityErrorCode.TOTP_NOT_ENROLLED, "TOTP is not on");
        }
        requireCode(command.userId(), command.code());
        credentials.removeTotp(command.userId());
        user.execute(User::disableTotp);
    }

    private static void requireOff(Aggregate<User> user) {
        if (user.invoke(User::totpEnabled)) {
            throw new DomainException(IdentityErrorCode.TOTP_ALREADY_ENABLED, "TOTP is on already");
        }
    }

    private void requireCode(String userId, String code) {
        if (!credentials.useTotpCode(userId, code, clock.instant())) {
            throw new DomainException(IdentityErrorCode.INVALID_TOTP_CODE, "The code is wrong or used already");
        }
    }

    private Aggregate<User> load(String userId) {
        return Aggregates.load(users, userId);
    }
}
