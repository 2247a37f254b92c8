package dev.warden.command.infrastructure;

import dev.warden.events.infrastructure.TicketErrorCode;
import dev.warden.events.infrastructure.TicketPriority;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;

/** The rules of a ticket's fields. */
final class TicketRules {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_COMMENT_LENGTH = 10_000;
    private static final TextRule TITLE = TextRule.line(TicketErrorCode.INVALID_TICKET_TITLE, "A ticket title",
            MAX_TITLE_LENGTH);
    private static final TextRule DESCRIPTION = TextRule.paragraph(TicketErrorCode.INVALID_TICKET_DESCRIPTION,
            "A ticket description", MAX_DESCRIPTION_LENGTH);
    private static final TextRule COMMENT = TextRule.paragraph(TicketErrorCode.INVALID_TICKET_COMMENT,
            "A comment", MAX_COMMENT_LENGTH).required();

    private TicketRules() {
    }

    static String title(String title) {
        return TITLE.check(title);
    }

    /** The description stripped, {@code null} when empty. */
    static String description(String description) {
        String text = DESCRIPTION.check(description);
        return text.isEmpty() ? null : text;
    }

    static String comment(String body) {
        return COMMENT.check(body);
    }

    /** The priority's wire name: {@code medium} when absent, refused when not one of the four. */
    static String priority(String priority) {
        if (priority == null) {
            return TicketPriority.MEDIUM.wire();
        }
        return TicketPriority.of(priority).map(TicketPriority::wire)
                .orElseThrow(() -> new DomainException(TicketErrorCode.INVALID_TICKET_PRIORITY,
                        "'" + Text.excerpt(priority) + "' is not a ticket priority; one of "
                                + String.join(", ", TicketPriority.WIRE_NAMES)));
    }

    /**
     * An optional reference to a thing of {@code kind}: {@code null} stays {@code null}, anything else
     * must have the shape of such an id. Whether it exists is not checked (another aggregate's business).
     */
    static String reference(String id, IdKind kind, TicketErrorCode code, String what) {
        if (id == null) {
            return null;
        }
        if (!kind.matches(id)) {
            throw new DomainException(code, "'" + Text.excerpt(id) + "' is not a " + what + " id ("
                    + kind.prefix() + "_...)");
        }
        return id;
    }
}
