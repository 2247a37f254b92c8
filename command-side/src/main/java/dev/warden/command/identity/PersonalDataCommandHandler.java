package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.ErasePersonalDataCommand;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Erasure of a user's personal data from an immutable log (crypto-shredding), in the command's one
 * transaction: the user's data key is destroyed (their email and name in every event of revision 2, and
 * their TOTP secret, become unreadable), so are the keys of the invitations sent to their email; the email
 * claim and those of linked external accounts are released (anyone may use them again), the password,
 * TOTP secret and count of failed sign-ins are deleted, operator rights end (refused for the last
 * operator, so that one always remains), and the user is deactivated with every session ended. Erasing twice changes nothing.
 */
@Component
class PersonalDataCommandHandler {

    private final Repository<User> users;
    private final UniqueNames names;
    private final Credentials credentials;
    private final PersonalData personal;
    private final Operators operators;

    PersonalDataCommandHandler(@Qualifier("userRepository") Repository<User> users, UniqueNames names,
                               Credentials credentials, PersonalData personal, Operators operators) {
        this.users = users;
        this.names = names;
        this.credentials = credentials;
        this.personal = personal;
        this.operators = operators;
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        String userId = command.userId();
        Aggregate<User> user = Aggregates.load(users, userId);
        operators.requireSelfOrOperator(userId);
        if (user.invoke(User::erased)) {
            return;
        }
        boolean operator = user.invoke(User::operator);
        if (operator) {
            operators.requireAnotherThan(userId);
        }
        List<String> invitations = releaseEmails(userId);
        user.invoke(User::accountIds).forEach(accountId -> UserRules.releaseAccount(names, accountId));
        personal.erase(userId);
        credentials.removePassword(userId);
        credentials.removeTotp(userId);
        if (operator) {
            operators.revoke(user);
        }
        user.execute(u -> u.erase(invitations));
    }

    /**
     * Releases the user's email claims and the invitations sent to those emails, and forgets the failed
     * sign-ins counted under them; answers the invitations' ids.
     */
    private List<String> releaseEmails(String userId) {
        List<String> invitations = new ArrayList<>();
        for (String emailHash : names.keysOf(UserRules.EMAIL_SCOPE, userId)) {
            for (String invitationId : names.keysOf(UserRules.INVITATION_EMAIL_SCOPE, emailHash)) {
                personal.erase(invitationId);
                names.release(UserRules.INVITATION_EMAIL_SCOPE, invitationId, emailHash);
                invitations.add(invitationId);
            }
            names.release(UserRules.EMAIL_SCOPE, emailHash, userId);
            credentials.clearAttempts(Credentials.signInKey(emailHash));
        }
        return invitations;
    }
}
