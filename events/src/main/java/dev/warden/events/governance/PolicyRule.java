package dev.warden.events.governance;

import java.util.List;

/**
 * One rule of a policy. It matches a call when each part given matches: the server is one of
 * {@code servers} (ids; empty or missing means any), the tool's name matches the glob {@code tool}
 * ({@code *} any run of characters, {@code ?} one; missing means any), the caller matches
 * {@code caller}, and every condition on the arguments holds. {@code name} is unique in its policy and
 * names the rule in decisions. {@link RuleChecks} says what is refused on write.
 */
public record PolicyRule(String name,
                         String description,
                         List<String> servers,
                         String tool,
                         CallerMatch caller,
                         List<ArgumentCondition> conditions,
                         Effect effect) {
}
