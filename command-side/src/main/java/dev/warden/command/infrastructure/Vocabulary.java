package dev.warden.command.infrastructure;

import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.Text;
import java.util.List;

/** Fields that take one of a few words (a run's status, a drift check's trigger). */
final class Vocabulary {

    private Vocabulary() {
    }

    /** {@code raw} if it is one of {@code allowed}, else a refusal with {@code code} that lists them. */
    static String require(ErrorCode code, String field, String raw, List<String> allowed) {
        if (raw == null || !allowed.contains(raw)) {
            throw new DomainException(code, field + " is one of " + String.join(", ", allowed) + ": '"
                    + Text.excerpt(raw) + "' is not");
        }
        return raw;
    }
}
