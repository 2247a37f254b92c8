package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.BootstrapAdminCommand;
import dev.warden.events.identity.CreateOrganizationCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.RegisterUserCommand;
import dev.warden.events.shared.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * How users and organizations come into being: an operator registers an account, a user creates an
 * organization (and is its first Admin), and the bootstrap makes the very first of both at once.
 */
@Component
class RegistrationCommandHandler {

    static final String BOOTSTRAP_SCOPE = "bootstrap";

    private final Repository<User> users;
    private final Repository<Organization> organizations;
    private final UniqueNames names;
    private final Credentials credentials;
    private final RoleDirectory roles;
    private final Operators operators;
    private final PersonalData personal;

    RegistrationCommandHandler(@Qualifier("userRepository") Repository<User> users,
                               @Qualifier("organizationRepository") Repository<Organization> organizations,
                               UniqueNames names, Credentials credentials, RoleDirectory roles, Operators operators,
                               PersonalData personal) {
        this.users = users;
        this.organizations = organizations;
        this.names = names;
        this.credentials = credentials;
        this.roles = roles;
        this.operators = operators;
        this.personal = personal;
    }

    /**
     * Registers an account, an operator's act: whether an email is taken is no secret to an
     * operator, and would be an oracle to anyone else, since anyone can create an organization.
     */
    @CommandHandler
    void handle(RegisterUserCommand command) throws Exception {
        operators.require();
        Aggregate<Organization> org = command.organizationId() == null ? null
                : Aggregates.load(organizations, command.organizationId());
        register(command.userId(), command.email(), command.displayName(), command.passwordHash());
        if (org != null) {
            org.execute(o -> o.addMember(command.memberId(), command.userId(), roles.viewerRoleId()));
        }
    }

    @CommandHandler
    void handle(CreateOrganizationCommand command) throws Exception {
        organizations.newInstance(() -> new Organization(command, roles.adminRoleId()));
    }

    @CommandHandler
    void handle(BootstrapAdminCommand command) throws Exception {
        if (!names.claim(BOOTSTRAP_SCOPE, "first-admin", command.userId())) {
            throw new DomainException(IdentityErrorCode.ALREADY_BOOTSTRAPPED, "The first Admin exists already");
        }
        if (names.anyIn(UserRules.EMAIL_SCOPE)) {
            throw new DomainException(IdentityErrorCode.ALREADY_BOOTSTRAPPED, "Users exist already");
        }
        operators.grant(register(command.userId(), command.email(), command.displayName(), command.passwordHash()));
        handle(new CreateOrganizationCommand(command.organizationId(), command.organizationName(), command.userId(),
                command.memberId()));
    }

    private Aggregate<User> register(String userId, String rawEmail, String rawName, String passwordHash)
            throws Exception {
        String email = UserRules.requireEmail(rawEmail);
        String displayName = UserRules.requireDisplayName(rawName);
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new DomainException(IdentityErrorCode.INVALID_PASSWORD, "A password is required");
        }
        UserRules.claimEmail(names, personal.emailHash(email), userId);
        credentials.savePassword(userId, passwordHash);
        byte[] encryptedEmail = personal.encryptNew(userId, PersonalFields.EMAIL, email);
        byte[] encryptedName = personal.encryptNew(userId, PersonalFields.DISPLAY_NAME, displayName);
        return users.newInstance(() -> new User(userId, encryptedEmail, encryptedName));
    }
}
