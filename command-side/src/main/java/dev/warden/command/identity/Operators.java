package dev.warden.command.identity;

import dev.warden.events.shared.SecurityErrorCode;
import dev.warden.command.support.RequestContext;
import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The one role above all organizations. Account-wide actions (registering an account, deactivating
 * it, listing or ending all its sessions) reach past any single organization, so no organization's
 * Admin may take them; an operator, or the service itself, may. The first Admin is the first
 * operator; operators make others.
 */
@Component
public class Operators {

    /** The uniqueness scope that lists operators (key and owner: the user id), so "is there one?" is one read. */
    static final String SCOPE = "operator";

    private final Repository<User> users;
    private final UniqueNames names;

    Operators(@Qualifier("userRepository") Repository<User> users, UniqueNames names) {
        this.users = users;
        this.names = names;
    }

    /** Whether any user is an operator. */
    public boolean anyExists() {
        return names.anyIn(SCOPE);
    }

    /** Makes {@code user} an operator, in the log and in the operator list. */
    void grant(Aggregate<User> user) {
        user.execute(u -> {
            u.grantOperator();
            names.claim(SCOPE, user.identifierAsString(), user.identifierAsString());
        });
    }

    /**
     * Refuses when {@code userId} is the one operator left, so that erasing them cannot leave the service
     * without any; checked under a lock on the operator list (see {@link UniqueNames#anyOtherIn}).
     */
    void requireAnotherThan(String userId) {
        if (!names.anyOtherIn(SCOPE, userId)) {
            throw new DomainException(IdentityErrorCode.LAST_OPERATOR,
                    "The last operator cannot be erased; make another user operator first");
        }
    }

    void revoke(Aggregate<User> user) {
        user.execute(u -> {
            u.revokeOperator();
            names.release(SCOPE, user.identifierAsString(), user.identifierAsString());
        });
    }

    /** Refuses unless the current actor is the system or a signed-in operator (checked against the log). */
    public void require() {
        RequestContext context = RequestContext.current();
        if (context == null || RequestContext.SYSTEM.equals(context.actorType())) {
            return;
        }
        if (!Actor.USER.equals(context.actorType()) || !isOperator(context.actorId())) {
            throw SecurityErrorCode.operatorsOnly();
        }
    }

    /** Refuses unless the current actor is the system, the user {@code userId} themself, or a signed-in operator. */
    public void requireSelfOrOperator(String userId) {
        RequestContext context = RequestContext.current();
        if (context != null && Actor.USER.equals(context.actorType()) && userId.equals(context.actorId())) {
            return;
        }
        try {
            require();
        } catch (DomainException e) {
            throw SecurityErrorCode.selfOrOperatorOnly();
        }
    }

    private boolean isOperator(String userId) {
        try {
            return users.load(userId).invoke(User::operator);
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
