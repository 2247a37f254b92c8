package dev.warden.events.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the enums of this contract are spelled on the wire: their constant's name in lower case. */
final class WireNames {

    private WireNames() {
    }

    /** {@code constant} as events, read models and clients spell it, e.g. {@code in_progress}. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** Every constant of {@code type} as spelled on the wire, in declaration order. */
    static <E extends Enum<E>> List<String> all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
    }

    /** The constant of {@code type} spelled {@code wire}, if there is one (exact spelling, lower case). */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equals(wire)).findFirst();
    }
}
