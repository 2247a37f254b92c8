package dev.warden.command.identity;

import dev.warden.command.support.RequestContext;
import dev.warden.command.support.UniqueNames;
import dev.warden.command.web.CommandSender;
import dev.warden.events.identity.BootstrapAdminCommand;
import dev.warden.events.identity.GrantOperatorCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets the first Admin in on an empty database: with {@code WARDEN_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code WARDEN_BOOTSTRAP_ADMIN_PASSWORD} set, the first start of a command-side process creates
 * that user, an organization ({@code WARDEN_BOOTSTRAP_ORGANIZATION}) and makes the user its Admin,
 * through one command (so it is in the log and the audit trail). It runs after the seeders, which
 * define the Admin role. Once any user exists it does nothing; several instances starting at once
 * create one Admin. The password is never logged.
 */
@Component
@Order(20)
@EnableConfigurationProperties(BootstrapProperties.class)
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final CommandSender commands;
    private final PasswordHasher hasher;
    private final Operators operators;
    private final UniqueNames names;
    private final BootstrapProperties settings;
    private final PersonalData personal;

    BootstrapAdmin(CommandSender commands, PasswordHasher hasher, Operators operators, UniqueNames names,
                   BootstrapProperties settings, PersonalData personal) {
        this.commands = commands;
        this.hasher = hasher;
        this.operators = operators;
        this.names = names;
        this.settings = settings;
        this.personal = personal;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.asked()) {
            return;
        }
        if (!settings.hasPassword()) {
            log.warn("Bootstrap skipped: WARDEN_BOOTSTRAP_ADMIN_EMAIL is set but WARDEN_BOOTSTRAP_ADMIN_PASSWORD is not");
            return;
        }
        hasher.requireAcceptable(settings.adminPassword(), settings.adminEmail());
        try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("bootstrap-" + UUID.randomUUID()))) {
            // Every start after the first finds users: it sends no command, which the metrics would count as rejected.
            if (names.anyIn(UserRules.EMAIL_SCOPE) || !bootstrap()) {
                log.info("Bootstrap skipped: users exist already");
                grantOperatorOnUpgrade();
            }
        }
    }

    /** Creates the first Admin; false when another instance starting at the same time was first. */
    private boolean bootstrap() {
        String userId = IdKind.USER.next();
        String organizationId = IdKind.ORGANIZATION.next();
        try {
            commands.send(new BootstrapAdminCommand(userId, settings.adminEmail(), settings.adminName(),
                    hasher.hash(settings.adminPassword()), organizationId, settings.organization(),
                    IdKind.MEMBER.next()));
            log.info("Bootstrap: first Admin {} created in organization {}", userId, organizationId);
            return true;
        } catch (DomainException e) {
            if (e.code() != IdentityErrorCode.ALREADY_BOOTSTRAPPED) {
                throw e;
            }
            return false;
        }
    }

    /**
     * A database bootstrapped before operators existed has none: the account of the bootstrap email
     * becomes the first operator, once, so account-wide actions have an owner.
     */
    private void grantOperatorOnUpgrade() {
        if (operators.anyExists()) {
            return;
        }
        names.ownerOf(UserRules.EMAIL_SCOPE, personal.emailHash(settings.adminEmail()))
                .ifPresent(userId -> {
                    commands.send(new GrantOperatorCommand(userId));
                    log.info("Bootstrap: user {} of the bootstrap email is the first operator", userId);
                });
    }
}
