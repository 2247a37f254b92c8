package dev.warden.command.identity;

import dev.warden.command.support.Aggregates;
import dev.warden.events.shared.IdKind;
import dev.warden.events.identity.DeactivateUserCommand;
import dev.warden.events.identity.GrantOperatorCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.ReactivateUserCommand;
import dev.warden.events.identity.RevokeAllSessionsCommand;
import dev.warden.events.identity.RevokeOperatorCommand;
import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Account-wide commands: they change a user's standing in every organization at once, so they
 * belong to the user (ending their own sessions) or to an operator ({@link Operators}), never to
 * an organization's Admin.
 */
@Component
class AccountCommandHandler {

    private final Repository<User> users;
    private final Operators operators;

    AccountCommandHandler(@Qualifier("userRepository") Repository<User> users, Operators operators) {
        this.users = users;
        this.operators = operators;
    }

    @CommandHandler
    void handle(DeactivateUserCommand command) {
        operators.require();
        load(command.userId()).execute(User::deactivate);
    }

    @CommandHandler
    void handle(ReactivateUserCommand command) {
        operators.require();
        load(command.userId()).execute(User::reactivate);
    }

    /** The user ends their own sessions, or an operator ends anyone's. */
    @CommandHandler
    void handle(RevokeAllSessionsCommand command) {
        RequestContext context = RequestContext.current();
        if (context == null || !command.userId().equals(context.actorId())) {
            operators.require();
        }
        load(command.userId()).execute(User::revokeAllSessions);
    }

    @CommandHandler
    void handle(GrantOperatorCommand command) {
        operators.require();
        operators.grant(load(command.userId()));
    }

    @CommandHandler
    void handle(RevokeOperatorCommand command) {
        operators.require();
        RequestContext context = RequestContext.current();
        if (context != null && command.userId().equals(context.actorId())) {
            throw new DomainException(IdentityErrorCode.OWN_OPERATOR_ROLE,
                    "Operators cannot take the role from themselves, so that one always remains");
        }
        operators.revoke(load(command.userId()));
    }

    private Aggregate<User> load(String userId) {
        return Aggregates.load(users, userId);
    }
}
