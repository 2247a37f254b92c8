package dev.warden.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

/** Assertions that a call answers within a generous bound, the sign that nothing stalls it. */
public final class Prompt {

    /** The bound: generous, since what it guards against used to take tens of seconds. */
    public static final Duration BOUND = Duration.ofSeconds(5);

    private Prompt() {
    }

    /** Makes the call, asserts it answered within {@code bound}, and returns its answer. */
    public static Api.Response within(Duration bound, String what, Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(what + " answers promptly").isLessThan(bound);
        return response;
    }

    /** Asserts that the call answers 200 within {@link #BOUND}. */
    public static void ok(String what, Supplier<Api.Response> call) {
        Api.Response response = within(BOUND, what, call);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
    }
}
