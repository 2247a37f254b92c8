package dev.warden.command.governance;

import dev.warden.events.shared.IdKind;

/** Ids for the governance fixture tests. */
final class GovernanceTestData {

    private GovernanceTestData() {
    }

    /** A well-formed id of {@code kind} that reads as {@code name}. */
    static String id(IdKind kind, String name) {
        return kind.prefix() + "_" + (name + "0".repeat(IdKind.TAIL_LENGTH)).substring(0, IdKind.TAIL_LENGTH);
    }
}
