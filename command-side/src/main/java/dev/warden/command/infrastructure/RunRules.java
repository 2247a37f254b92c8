package dev.warden.command.infrastructure;

import static dev.warden.events.infrastructure.RunErrorCode.INVALID_RUN;

import dev.warden.events.infrastructure.ResourceCounts;
import dev.warden.events.infrastructure.RunErrorCode;
import dev.warden.events.shared.DomainException;
import java.util.List;
import java.util.Map;

/**
 * The words of a Terraform run (operations, statuses, triggers) and the order its status moves in:
 * queued to running or cancelled, running to succeeded, failed or cancelled; the last three end it.
 */
final class RunRules {

    static final String APPLY = "apply";
    static final String DESTROY = "destroy";
    static final String PLAN = "plan";
    static final String SUCCEEDED = "succeeded";
    static final List<String> OPERATIONS = List.of("init", PLAN, APPLY, DESTROY);
    static final List<String> STATUSES = List.of("queued", "running", SUCCEEDED, "failed", "cancelled");
    static final List<String> TRIGGERS = List.of("manual", "vcs", "schedule", "api");
    static final int MAX_COUNT = 1_000_000;
    private static final Map<String, List<String>> NEXT = Map.of(
            "queued", List.of("running", "cancelled"),
            "running", List.of(SUCCEEDED, "failed", "cancelled"),
            SUCCEEDED, List.of(), "failed", List.of(), "cancelled", List.of());

    private RunRules() {
    }

    static String operation(String raw) {
        return oneOf("operation", raw, OPERATIONS);
    }

    /** The status asked for; {@code queued} when none is given. */
    static String firstStatus(String raw) {
        return raw == null ? STATUSES.get(0) : status(raw);
    }

    static String status(String raw) {
        return oneOf("status", raw, STATUSES);
    }

    static String trigger(String raw) {
        return oneOf("trigger", raw, TRIGGERS);
    }

    /** {@code counts} if each is between 0 and {@value #MAX_COUNT}; {@code null} stays {@code null}. */
    static ResourceCounts counts(ResourceCounts counts) {
        if (counts != null && (outOfRange(counts.add()) || outOfRange(counts.change())
                || outOfRange(counts.destroy()))) {
            throw new DomainException(INVALID_RUN, "Resource counts are between 0 and " + MAX_COUNT);
        }
        return counts;
    }

    /** Refuses unless a run that is {@code from} may become {@code to}. */
    static void requireTransition(String from, String to) {
        List<String> next = NEXT.get(from);
        if (!next.contains(to)) {
            throw new DomainException(RunErrorCode.RUN_TRANSITION_NOT_ALLOWED, next.isEmpty()
                    ? "A " + from + " run is finished: its status changes no more"
                    : "A " + from + " run can become " + String.join(" or ", next) + ", not " + to);
        }
    }

    /** Whether {@code operation} changes resources, so that a lock held by someone else stops it. */
    static boolean changesResources(String operation) {
        return APPLY.equals(operation) || DESTROY.equals(operation);
    }

    private static boolean outOfRange(int count) {
        return count < 0 || count > MAX_COUNT;
    }

    private static String oneOf(String field, String raw, List<String> allowed) {
        return Vocabulary.require(INVALID_RUN, "A run's " + field, raw, allowed);
    }
}
