package dev.warden.app.security;

import dev.warden.command.access.SystemSeeder;
import dev.warden.command.identity.Operators;
import dev.warden.command.identity.PasswordHasher;
import dev.warden.command.identity.UserRules;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.GrantOperatorCommand;
import dev.warden.command.support.RequestContext;
import dev.warden.command.web.CommandSender;
import dev.warden.events.identity.BootstrapAdminCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the first Admin in on an empty database: with {@code WARDEN_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code WARDEN_BOOTSTRAP_ADMIN_PASSWORD} set, the first start creates that user, an organization
 * ({@code WARDEN_BOOTSTRAP_ORGANIZATION}) and makes the user its Admin, through one command (so it
 * is in the log and the audit trail). Once any user exists it does nothing; several instances
 * starting at once create one Admin. The password is never logged.
 */
@Component
@Order(20)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final ObjectProvider<SystemSeeder> commandSide;
    private final ObjectProvider<CommandSender> commands;
    private final ObjectProvider<PasswordHasher> hasher;
    private final ObjectProvider<Operators> operators;
    private final ObjectProvider<UniqueNames> names;
    private final String email;
    private final String password;
    private final String name;
    private final String organization;

    BootstrapAdmin(ObjectProvider<SystemSeeder> commandSide, ObjectProvider<CommandSender> commands,
                   ObjectProvider<PasswordHasher> hasher, ObjectProvider<Operators> operators,
                   ObjectProvider<UniqueNames> names,
                   @Value("${warden.bootstrap.admin-email:}") String email,
                   @Value("${warden.bootstrap.admin-password:}") String password,
                   @Value("${warden.bootstrap.admin-name:Admin}") String name,
                   @Value("${warden.bootstrap.organization:Default}") String organization) {
        this.commandSide = commandSide;
        this.commands = commands;
        this.hasher = hasher;
        this.operators = operators;
        this.names = names;
        this.email = email;
        this.password = password;
        this.name = name;
        this.organization = organization;
    }

    /**
     * A database bootstrapped before operators existed has none: the account of the bootstrap email
     * becomes the first operator, once, so account-wide actions have an owner.
     */
    private void grantOperatorOnUpgrade() {
        if (operators.getObject().anyExists()) {
            return;
        }
        names.getObject().ownerOf(UserRules.EMAIL_SCOPE, UserRules.emailKey(email))
                .ifPresent(userId -> {
                    commands.getObject().send(new GrantOperatorCommand(userId));
                    log.info("Bootstrap: user {} of the bootstrap email is the first operator", userId);
                });
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank() || commandSide.getIfAvailable() == null) {
            return;
        }
        if (password.isBlank()) {
            log.warn("Bootstrap skipped: WARDEN_BOOTSTRAP_ADMIN_EMAIL is set but WARDEN_BOOTSTRAP_ADMIN_PASSWORD is not");
            return;
        }
        PasswordHasher passwords = hasher.getObject();
        passwords.requireAcceptable(password, email);
        try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("bootstrap-" + UUID.randomUUID()))) {
            // Every start after the first finds users: it sends no command, which the metrics would count as rejected.
            if (names.getObject().anyIn(UserRules.EMAIL_SCOPE) || !bootstrap(passwords)) {
                log.info("Bootstrap skipped: users exist already");
                grantOperatorOnUpgrade();
            }
        }
    }

    /** Creates the first Admin; false when another instance starting at the same time was first. */
    private boolean bootstrap(PasswordHasher passwords) {
        String userId = IdKind.USER.next();
        String organizationId = IdKind.ORGANIZATION.next();
        try {
            commands.getObject().send(new BootstrapAdminCommand(userId, email, name, passwords.hash(password),
                    organizationId, organization, IdKind.MEMBER.next()));
            log.info("Bootstrap: first Admin {} created in organization {}", userId, organizationId);
            return true;
        } catch (DomainException e) {
            if (e.code() != IdentityErrorCode.ALREADY_BOOTSTRAPPED) {
                throw e;
            }
            return false;
        }
    }
}
