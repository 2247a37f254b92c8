package dev.warden.events.governance;

import java.util.List;

/**
 * Which callers a rule applies to. Each list that is not empty must contain the caller's user, one of
 * its roles (by id, so renaming a role changes no rule), its API key or its AI system; empty or missing lists match every caller. A
 * rule without a caller match applies to everyone.
 */
public record CallerMatch(List<String> users, List<String> roles, List<String> apiKeys, List<String> aiSystems) {
}
