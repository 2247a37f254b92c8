package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.ChangeDisplayNameCommand;
import dev.warden.events.identity.ChangeEmailCommand;
import dev.warden.events.identity.ChangePasswordCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.LinkAccountCommand;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.RemovePasswordCommand;
import dev.warden.events.identity.UnlinkAccountCommand;
import dev.warden.events.shared.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A user's profile and ways in: name, email, password and linked external accounts. Emails (by their
 * keyed hash) and external accounts are unique across all users ({@link UserRules}); name and email
 * enter the log encrypted ({@link PersonalData}); the password hash is kept by {@link Credentials},
 * outside the log.
 */
@Component
class UserCommandHandler {

    private final Repository<User> users;
    private final UniqueNames names;
    private final Credentials credentials;
    private final PersonalData personal;

    UserCommandHandler(@Qualifier("userRepository") Repository<User> users, UniqueNames names,
                       Credentials credentials, PersonalData personal) {
        this.users = users;
        this.names = names;
        this.credentials = credentials;
        this.personal = personal;
    }

    @CommandHandler
    void handle(ChangeDisplayNameCommand command) {
        String name = UserRules.requireDisplayName(command.displayName());
        Aggregate<User> user = load(command.userId());
        user.execute(User::requireNotErased);
        byte[] encrypted = personal.encrypt(command.userId(), PersonalFields.DISPLAY_NAME, name);
        user.execute(u -> u.rename(encrypted));
    }

    @CommandHandler
    void handle(ChangeEmailCommand command) {
        String email = UserRules.requireEmail(command.email());
        String userId = command.userId();
        Aggregate<User> user = load(userId);
        user.execute(User::requireNotErased);
        String hash = personal.emailHash(email);
        UserRules.claimEmail(names, hash, userId);
        for (String held : names.keysOf(UserRules.EMAIL_SCOPE, userId)) {
            if (!held.equals(hash)) {
                names.release(UserRules.EMAIL_SCOPE, held, userId);
            }
        }
        byte[] encrypted = personal.encrypt(userId, PersonalFields.EMAIL, email);
        user.execute(u -> u.changeEmail(encrypted));
    }

    @CommandHandler
    void handle(ChangePasswordCommand command) {
        load(command.userId()).execute(u -> {
            credentials.savePassword(command.userId(), command.passwordHash());
            u.passwordChanged();
        });
    }

    @CommandHandler
    void handle(RemovePasswordCommand command) {
        load(command.userId()).execute(u -> {
            u.removePassword();
            credentials.removePassword(command.userId());
        });
    }

    @CommandHandler
    void handle(LinkAccountCommand command) {
        String provider = UserRules.requireProvider(command.provider());
        String account = UserRules.requireAccountId(command.providerAccountId());
        Aggregate<User> user = load(command.userId());
        user.execute(User::requireNotErased);
        if (!names.claim(UserRules.ACCOUNT_SCOPE, personal.accountHash(provider, account), command.accountId())) {
            throw new DomainException(IdentityErrorCode.ACCOUNT_TAKEN,
                    "This external account is linked to a user already");
        }
        byte[] encrypted = personal.encrypt(command.userId(), PersonalFields.PROVIDER_ACCOUNT_ID, account);
        user.execute(u -> u.linkAccount(command.accountId(), provider, encrypted));
    }

    @CommandHandler
    void handle(UnlinkAccountCommand command) {
        load(command.userId()).execute(u -> {
            u.unlinkAccount(command.accountId());
            UserRules.releaseAccount(names, command.accountId());
        });
    }

    private Aggregate<User> load(String userId) {
        return Aggregates.load(users, userId);
    }
}
