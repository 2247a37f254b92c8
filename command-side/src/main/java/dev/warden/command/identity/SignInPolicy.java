package dev.warden.command.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How failed sign-ins are slowed and then locked. The first {@code freeAttempts} failures cost
 * nothing; each further one makes the next attempt wait twice as long (1 s, 2 s, 4 s, ...); at
 * {@code maxAttempts} failures the email is locked for {@code lockout}. A success, or the end of a
 * lockout, starts afresh. Unknown emails are counted the same way, so the replies never tell
 * whether an email exists.
 */
record SignInPolicy(int freeAttempts, int maxAttempts, Duration lockout) {

    SignInPolicy {
        if (freeAttempts < 0 || maxAttempts <= freeAttempts || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("Need 0 <= free-attempts < max-attempts and a positive lockout");
        }
    }

    /** How long the caller must wait before trying again; empty when an attempt is allowed now. */
    Optional<Duration> waitBefore(Credentials.Attempts attempts, Instant now) {
        if (attempts.lockedUntil() != null) {
            return now.isBefore(attempts.lockedUntil())
                    ? Optional.of(Duration.between(now, attempts.lockedUntil())) : Optional.empty();
        }
        if (attempts.failures() < freeAttempts) {
            return Optional.empty();
        }
        Instant next = attempts.lastFailureAt().plus(backoff(attempts.failures()));
        return now.isBefore(next) ? Optional.of(Duration.between(now, next)) : Optional.empty();
    }

    /** The state after one more failure. */
    Credentials.Attempts failed(Optional<Credentials.Attempts> before, Instant now) {
        int failures = before.filter(a -> a.lockedUntil() == null).map(Credentials.Attempts::failures).orElse(0) + 1;
        Instant lockedUntil = failures >= maxAttempts ? now.plus(lockout) : null;
        return new Credentials.Attempts(failures, now, lockedUntil);
    }

    private Duration backoff(int failures) {
        Duration delay = Duration.ofSeconds(1L << Math.min(20, failures - freeAttempts));
        return delay.compareTo(lockout) > 0 ? lockout : delay;
    }
}
