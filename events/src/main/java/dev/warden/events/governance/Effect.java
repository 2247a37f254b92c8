package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rule does to a call it matches. */
public enum Effect {
    @JsonProperty("allow") ALLOW,
    @JsonProperty("deny") DENY,
    /** Allow and flag the call for review. */
    @JsonProperty("alert") ALERT,
    /** Hold the call until a member approves it. */
    @JsonProperty("require-approval") REQUIRE_APPROVAL;

    /** The effect whose wire name is {@code wire}, or {@code null} for none. */
    public static Effect ofWire(String wire) {
        for (Effect one : values()) {
            if (one.wire().equals(wire)) {
                return one;
            }
        }
        return null;
    }

    /** The name used in requests and answers, for example {@code require-approval}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
