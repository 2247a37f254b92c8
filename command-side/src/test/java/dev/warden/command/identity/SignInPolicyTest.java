package dev.warden.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final SignInPolicy policy = new SignInPolicy(3, 10, LOCKOUT);

    /** The state after {@code failures} failures in a row, each one as soon as allowed, the last at {@code NOW}. */
    private Credentials.Attempts afterFailures(int failures) {
        Optional<Credentials.Attempts> state = Optional.empty();
        for (int i = 0; i < failures; i++) {
            state = Optional.of(policy.failed(state, NOW));
        }
        return state.orElseThrow();
    }

    @Test
    void firstFailuresCostNothing() {
        assertThat(policy.waitBefore(afterFailures(1), NOW)).isEmpty();
        assertThat(policy.waitBefore(afterFailures(2), NOW)).isEmpty();
    }

    @Test
    void failuresCountUpFromOne() {
        assertThat(policy.failed(Optional.empty(), NOW)).isEqualTo(new Credentials.Attempts(1, NOW, null));
        assertThat(afterFailures(4)).isEqualTo(new Credentials.Attempts(4, NOW, null));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(policy.waitBefore(afterFailures(3), NOW)).contains(Duration.ofSeconds(1));
        assertThat(policy.waitBefore(afterFailures(4), NOW)).contains(Duration.ofSeconds(2));
        assertThat(policy.waitBefore(afterFailures(5), NOW)).contains(Duration.ofSeconds(4));
        assertThat(policy.waitBefore(afterFailures(9), NOW)).contains(Duration.ofSeconds(64));
    }

    @Test
    void theWaitShrinksAsTimePassesAndEnds() {
        Credentials.Attempts attempts = afterFailures(5);

        assertThat(policy.waitBefore(attempts, NOW.plusSeconds(3))).contains(Duration.ofSeconds(1));
        assertThat(policy.waitBefore(attempts, NOW.plusSeconds(4))).isEmpty();
    }

    @Test
    void locksOutAtTheMaximumNumberOfFailures() {
        Credentials.Attempts attempts = afterFailures(10);

        assertThat(attempts.lockedUntil()).isEqualTo(NOW.plus(LOCKOUT));
        assertThat(policy.waitBefore(attempts, NOW)).contains(LOCKOUT);
        assertThat(policy.waitBefore(attempts, NOW.plus(LOCKOUT).minusSeconds(1))).contains(Duration.ofSeconds(1));
    }

    @Test
    void releasesAfterTheLockoutAndStartsAfresh() {
        Credentials.Attempts locked = afterFailures(10);
        Instant released = NOW.plus(LOCKOUT);

        assertThat(policy.waitBefore(locked, released)).isEmpty();
        Credentials.Attempts next = policy.failed(Optional.of(locked), released);
        assertThat(next).isEqualTo(new Credentials.Attempts(1, released, null));
        assertThat(policy.waitBefore(next, released)).isEmpty();
    }

    @Test
    void theWaitNeverExceedsTheLockout() {
        SignInPolicy patient = new SignInPolicy(0, 40, Duration.ofMinutes(1));
        Optional<Credentials.Attempts> state = Optional.empty();
        for (int i = 0; i < 30; i++) {
            state = Optional.of(patient.failed(state, NOW));
        }

        assertThat(patient.waitBefore(state.orElseThrow(), NOW)).contains(Duration.ofMinutes(1));
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInPolicy(-1, 10, LOCKOUT));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInPolicy(5, 5, LOCKOUT));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInPolicy(3, 10, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new SignInPolicy(3, 10, Duration.ofSeconds(-1)));
    }
}
