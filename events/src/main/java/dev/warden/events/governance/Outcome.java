package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a decision answered. */
public enum Outcome {
    @JsonProperty("allow") ALLOW,
    @JsonProperty("deny") DENY,
    /** Allowed and flagged. */
    @JsonProperty("alert") ALERT,
    /** Held: the call waits for the approval the decision names. */
    @JsonProperty("approval-required") APPROVAL_REQUIRED;

    /** The name used in answers, for example {@code approval-required}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the call goes ahead. */
    public boolean proceeds() {
        return this == ALLOW || this == ALERT;
    }
}
