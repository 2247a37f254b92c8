package dev.warden.query.identity.web;

import dev.warden.events.shared.EndpointAccess.OperatorOnly;
import dev.warden.events.shared.IdKind;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.SessionQueries;
import dev.warden.query.identity.SessionView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account-wide reads, above every organization (operators only): all of a user's sessions, with
 * addresses and devices, which no single organization may see.
 */
@RestController
class AccountQueryController {

    private final IdentityQueries identity;
    private final SessionQueries sessions;
    private final ReadGuard guard;

    AccountQueryController(IdentityQueries identity, SessionQueries sessions, ReadGuard guard) {
        this.identity = identity;
        this.sessions = sessions;
        this.guard = guard;
    }

    @OperatorOnly
    @GetMapping("/api/users/{userId}/sessions")
    Page<SessionView> sessions(@PathVariable String userId, PageParameters list) {
        return guard.page(list, page -> {
            identity.user(userId).orElseThrow(() -> IdKind.USER.notFound(userId));
            return sessions.sessions(userId, page);
        });
    }
}
