package dev.warden.command.support;

import dev.warden.events.shared.SecurityErrorCode;
import dev.warden.events.shared.DomainException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * No escalation: whoever gives a permission away (assigns a role, grants a permission to a role,
 * approves a request, scopes an API key) must hold it. The actor's permissions in the organization
 * come from the request's {@link RequestContext}; the system is not limited.
 */
@Component
public class Grants {

    /** Refuses unless the current actor holds every one of {@code permissions}. */
    public void requireHeld(Collection<String> permissions) {
        requireHeld(() -> permissions);
    }

    /** Like {@link #requireHeld(Collection)}; computes the permissions only for a limited actor. */
    public void requireHeld(Supplier<? extends Collection<String>> permissions) {
        RequestContext context = RequestContext.current();
        Set<String> held = context == null ? null : context.permissions();
        if (held == null) {
            return;
        }
        Set<String> missing = new TreeSet<>(permissions.get());
        missing.removeAll(held);
        if (!missing.isEmpty()) {
            throw new DomainException(SecurityErrorCode.ESCALATION,
                    "You cannot give away permissions you do not hold: " + String.join(", ", missing));
        }
    }
}
