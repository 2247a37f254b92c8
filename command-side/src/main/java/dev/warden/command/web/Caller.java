package dev.warden.command.web;

import dev.warden.events.shared.SecurityErrorCode;
import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;

/** The authenticated caller of the current request, as the security layer put it in the request context. */
public final class Caller {

    private Caller() {
    }

    /** The id of the signed-in user; an API key is refused, since it acts for an organization, not a person. */
    public static String userId() {
        RequestContext context = RequestContext.current();
        if (context == null || !Actor.USER.equals(context.actorType())) {
            throw SecurityErrorCode.usersOnly();
        }
        return context.actorId();
    }
}
