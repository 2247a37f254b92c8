package dev.warden.query.governance;

import dev.warden.events.governance.DecisionBasis;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.Outcome;
import dev.warden.events.governance.PolicyMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The wire names the governance tables hold for modes, effects and outcomes ({@code require-approval}), both ways. */
final class Wire {

    /** Every outcome's wire name, in declaration order: what an {@code outcome} filter accepts. */
    static final List<String> OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::wire).toList();

    private Wire() {
    }

    static String mode(PolicyMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    static PolicyMode mode(String wire) {
        return PolicyMode.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The effect of a wire name; {@code null} for {@code null}. */
    static Effect effect(String wire) {
        return wire == null ? null : Effect.valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The wire name of a decision's basis ({@code held-tool}); {@code null} for {@code null}. */
    static String basis(DecisionBasis basis) {
        return basis == null ? null : basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The basis of a wire name; {@code null} for {@code null}. */
    static DecisionBasis basis(String wire) {
        return wire == null ? null : DecisionBasis.valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static Outcome outcome(String wire) {
        return Outcome.valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The outcome a decision gives for an effect: require-approval holds the call for approval. */
    static Outcome outcomeOf(Effect effect) {
        return effect == Effect.REQUIRE_APPROVAL ? Outcome.APPROVAL_REQUIRED : Outcome.valueOf(effect.name());
    }
}
