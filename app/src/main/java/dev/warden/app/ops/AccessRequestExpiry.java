package dev.warden.app.ops;

import dev.warden.command.support.RequestContext;
import dev.warden.command.web.CommandSender;
import dev.warden.events.access.ExpireAccessRequestCommand;
import dev.warden.query.identity.PrincipalLookup;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires pending access requests whose time is up, by command, so each expiry is an event with the
 * system as its actor. Several instances may race; the request aggregate stores the expiry once.
 */
@Component
class AccessRequestExpiry {

    private static final Logger log = LoggerFactory.getLogger(AccessRequestExpiry.class);
    private static final int BATCH = 100;

    private final ObjectProvider<CommandSender> commands;
    private final ObjectProvider<PrincipalLookup> lookup;
    private final ObjectProvider<Clock> clock;

    AccessRequestExpiry(ObjectProvider<CommandSender> commands, ObjectProvider<PrincipalLookup> lookup,
                        ObjectProvider<Clock> clock) {
        this.commands = commands;
        this.lookup = lookup;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${warden.access-requests.expiry-check:30s}",
            initialDelayString = "${warden.access-requests.expiry-check:30s}")
    void expireDue() {
        CommandSender sender = commands.getIfAvailable();
        PrincipalLookup requests = lookup.getIfAvailable();
        Clock now = clock.getIfAvailable();
        if (sender == null || requests == null || now == null) {
            return;
        }
        for (var due : requests.expiredPendingAccessRequests(now.instant(), BATCH)) {
            try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("expiry-" + UUID.randomUUID()))) {
                sender.send(new ExpireAccessRequestCommand(due.requestId(), due.organizationId()));
            } catch (RuntimeException e) {
                log.warn("Could not expire access request {}: {}", due.requestId(), e.toString());
            }
        }
    }
}
