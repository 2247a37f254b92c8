package dev.warden.query.identity.web;

import dev.warden.events.shared.EndpointAccess.SignedIn;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Actor;
import dev.warden.query.identity.AccountView;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.InvitationQueries;
import dev.warden.query.identity.InvitationView;
import dev.warden.query.identity.MembershipView;
import dev.warden.query.identity.OwnSessionView;
import dev.warden.query.identity.SessionQueries;
import dev.warden.query.identity.SessionView;
import dev.warden.query.identity.UserView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own user, sessions, linked accounts and organizations. The caller is the
 * authenticated {@link Actor} (for an API key, the user who issued it). Every query accepts
 * {@code minPosition} for read-your-writes.
 */
@RestController
class MeQueryController {

    private final IdentityQueries identity;
    private final SessionQueries sessions;
    private final InvitationQueries invitations;
    private final ReadGuard guard;

    MeQueryController(IdentityQueries identity, SessionQueries sessions, InvitationQueries invitations,
                      ReadGuard guard) {
        this.invitations = invitations;
        this.identity = identity;
        this.sessions = sessions;
        this.guard = guard;
    }

    @SignedIn
    @GetMapping("/api/me")
    UserView me(@RequestAttribute(Actor.ATTRIBUTE) Actor actor, @RequestParam(required = false) Long minPosition) {
        guard.awaitPosition(minPosition);
        return identity.user(actor.userId()).orElseThrow(() -> IdKind.USER.notFound(actor.userId()));
    }

    @SignedIn
    @GetMapping("/api/me/sessions")
    Page<OwnSessionView> sessions(@RequestAttribute(Actor.ATTRIBUTE) Actor actor, PageParameters list) {
        Page<SessionView> sessionPage = guard.page(list, page -> sessions.sessions(actor.userId(), page));
        return new Page<>(sessionPage.items().stream().map(s -> OwnSessionView.of(s, actor.sessionId())).toList(),
                sessionPage.nextCursor());
    }

    /** Invitations waiting for the caller's answer, by user id or current email. */
    @SignedIn
    @GetMapping("/api/me/invitations")
    Page<InvitationView> invitations(@RequestAttribute(Actor.ATTRIBUTE) Actor actor, PageParameters list) {
        return guard.page(list, page -> invitations.addressedTo(actor.userId(), page));
    }

    @SignedIn
    @GetMapping("/api/me/accounts")
    Page<AccountView> accounts(@RequestAttribute(Actor.ATTRIBUTE) Actor actor, PageParameters list) {
        return guard.page(list, page -> identity.accounts(actor.userId(), page));
    }

    @SignedIn
    @GetMapping("/api/me/organizations")
    Page<MembershipView> organizations(@RequestAttribute(Actor.ATTRIBUTE) Actor actor, PageParameters list) {
        return guard.page(list, page -> identity.memberships(actor.userId(), page));
    }
}
