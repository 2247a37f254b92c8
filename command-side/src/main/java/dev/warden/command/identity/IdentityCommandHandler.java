package dev.warden.command.identity;

import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.AddMemberCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.shared.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Identity commands that need a set-wide rule (unique emails) or a second aggregate (the user). */
@Component
public class IdentityCommandHandler {

    static final String EMAIL_SCOPE = "user-email";
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Repository<User> users;
    private final Repository<Organization> organizations;
    private final UniqueNames names;

    IdentityCommandHandler(@Qualifier("userRepository") Repository<User> users,
                           @Qualifier("organizationRepository") Repository<Organization> organizations,
                           UniqueNames names) {
        this.users = users;
        this.organizations = organizations;
        this.names = names;
    }

    @CommandHandler
    void handle(RegisterUserCommand command) throws Exception {
        String email = command.email() == null ? "" : command.email().strip();
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()
                || email.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(IdentityErrorCode.INVALID_EMAIL, "Not a valid email address");
        }
        String displayName = command.displayName() == null ? "" : command.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME_LENGTH
                || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(IdentityErrorCode.INVALID_NAME,
                    "A display name has 1 to " + MAX_DISPLAY_NAME_LENGTH + " printable characters");
        }
        if (!names.claim(EMAIL_SCOPE, email.toLowerCase(Locale.ROOT), command.userId())) {
            throw new DomainException(IdentityErrorCode.EMAIL_TAKEN, "A user with this email exists already");
        }
        users.newInstance(() -> new User(command, email, displayName));
    }

    @CommandHandler
    void handle(AddMemberCommand command) {
        try {
            users.load(command.userId());
        } catch (AggregateNotFoundException e) {
            throw IdentityErrorCode.userNotFound(command.userId());
        }
        try {
            organizations.load(command.organizationId()).execute(o -> o.addMember(command));
        } catch (AggregateNotFoundException e) {
            throw IdentityErrorCode.organizationNotFound(command.organizationId());
        }
    }
}
