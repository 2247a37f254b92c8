package dev.warden.command.governance;

import java.time.Duration;
import java.time.Instant;

/**
 * What an agent session's decision reads, each seam only when the decision gets that far: the server's
 * standing, the caller's roles, the organization's rules; the time and an approval's lifetime.
 */
record Deciding(ServerGate gate, CallerRoles roles, RuleBook rules, Instant now, Duration approvalTtl) {
}
