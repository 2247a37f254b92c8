package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a policy's rules decide ({@code enforce}) or only record what they would have decided and allow ({@code monitor}). */
public enum PolicyMode {
    @JsonProperty("enforce") ENFORCE,
    @JsonProperty("monitor") MONITOR
}
