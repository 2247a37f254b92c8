package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A condition on a call's arguments: the value at {@code pointer} (RFC 6901, {@code ""} is the whole
 * arguments object) {@code equals} a JSON value, is {@code in} a list of them, or, as text, {@code matches}
 * a regular expression in full. A missing value matches none of them.
 */
public record ArgumentCondition(String pointer, Operator operator, Object value) {

    public enum Operator {
        @JsonProperty("equals") EQUALS,
        @JsonProperty("in") IN,
        @JsonProperty("matches") MATCHES;

        /** The operator written {@code wire} ({@code equals}, {@code in}, {@code matches}), or {@code null}. */
        public static Operator ofWire(String wire) {
            for (Operator one : values()) {
                if (one.name().toLowerCase(java.util.Locale.ROOT).equals(wire)) {
                    return one;
                }
            }
            return null;
        }
    }
}
