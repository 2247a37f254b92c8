package dev.warden.command.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * What recording a server's tool list did, tool by tool in the order presented: {@code pinned} were
 * seen for the first time and pinned now, {@code unchanged} match their pinned definition, and
 * {@code held} wait for a member to approve a changed definition (held now or before).
 */
public record ToolListOutcome(List<String> pinned, List<String> unchanged, List<HeldTool> held) {

    /** A held tool: the definition approved before and the one waiting for approval (approve it by this hash). */
    public record HeldTool(String name, String pinnedHash, String presentedHash) {
    }

    public ToolListOutcome {
        pinned = List.copyOf(pinned);
        unchanged = List.copyOf(unchanged);
        held = List.copyOf(held);
    }

    /** Collects an outcome while the tools are compared with what is pinned. */
    static final class Builder {

        private final List<String> pinned = new ArrayList<>();
        private final List<String> unchanged = new ArrayList<>();
        private final List<HeldTool> held = new ArrayList<>();

        void pinned(String name) {
            pinned.add(name);
        }

        void unchanged(String name) {
            unchanged.add(name);
        }

        void held(String name, String pinnedHash, String presentedHash) {
            held.add(new HeldTool(name, pinnedHash, presentedHash));
        }

        ToolListOutcome build() {
            return new ToolListOutcome(pinned, unchanged, held);
        }
    }
}
