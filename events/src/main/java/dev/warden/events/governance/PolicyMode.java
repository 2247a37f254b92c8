package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import java.util.Locale;

/** Whether a policy's rules decide ({@code enforce}) or only record what they would have decided and allow ({@code monitor}). */
public enum PolicyMode {
    @JsonProperty("enforce") ENFORCE,
    @JsonProperty("monitor") MONITOR;

    /** The mode written {@code text}, {@code null} when not given; anything else is refused (400 INVALID_POLICY). */
    public static PolicyMode parse(String text) {
        if (text == null) {
            return null;
        }
        for (PolicyMode one : values()) {
            if (one.name().toLowerCase(Locale.ROOT).equals(text)) {
                return one;
            }
        }
        throw new DomainException(GovernanceErrorCode.INVALID_POLICY,
                "The mode is enforce or monitor, not '" + Text.excerpt(text) + "'");
    }
}
