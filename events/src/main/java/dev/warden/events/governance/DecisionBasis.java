package dev.warden.events.governance;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What decided a tool call: a rule, the organization's default, or, before any rule is asked, the
 * session's or the server's state, a held tool, or the session's approval of the same call. A dry run
 * evaluates again only what a rule or the default decided.
 */
public enum DecisionBasis {
    @JsonProperty("rule") RULE,
    @JsonProperty("default") DEFAULT,
    @JsonProperty("session") SESSION,
    @JsonProperty("server") SERVER,
    @JsonProperty("held-tool") HELD_TOOL,
    @JsonProperty("approval") APPROVAL;

    /** Whether the organization's rules (a rule or the default) made the decision. */
    public boolean byRules() {
        return this == RULE || this == DEFAULT;
    }
}
