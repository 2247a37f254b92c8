package dev.warden.command.support;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loads aggregates; a missing one is refused with the not-found code of its id's kind. */
public final class Aggregates {

    private Aggregates() {
    }

    /** The aggregate {@code id} of {@code repository}; {@code <KIND>_NOT_FOUND} when the log has none. */
    public static <T> Aggregate<T> load(Repository<T> repository, String id) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException e) {
            throw missing(id);
        }
    }

    /** The refusal of a missing {@code id}: by its kind, or a generic not-found for an id of no kind. */
    public static DomainException missing(String id) {
        return IdKind.of(id).map(kind -> kind.notFound(id)).orElseGet(() -> IdKind.USER.notFound(id));
    }
}
