package dev.warden.command.infrastructure;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import java.util.Locale;

/**
 * A kind of name that is unique within its owner (project names within an organization, workspace
 * names within a project), compared ignoring case, and claimed through {@code UniqueNames}.
 *
 * @param scopePrefix what {@link #scope} puts before the owner's id
 * @param taken       the refusal code of a name someone else holds
 * @param thing       what is named, e.g. {@code project}
 * @param owner       what the name is unique in, e.g. {@code organization}
 */
record ScopedName(String scopePrefix, ErrorCode taken, String thing, String owner) {

    /** The uniqueness scope of the names within {@code ownerId}. */
    String scope(String ownerId) {
        return scopePrefix + ownerId;
    }

    /** The uniqueness key of a name, the same for names that differ only in case. */
    String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The refusal of {@code name} (checked already), held by someone else. */
    DomainException takenBy(String name) {
        return new DomainException(taken, "A " + thing + " named '" + name + "' exists already in this " + owner);
    }
}
