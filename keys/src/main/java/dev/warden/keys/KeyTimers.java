package dev.warden.keys;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The timer {@code warden.keys.operations}, tagged {@code op}: {@code encrypt} (a data key made on
 * first use included), {@code create} (making and storing a data key, part of an encrypt),
 * {@code decrypt} and {@code destroy}. It says what encryption costs a command beside the command's
 * own time ({@code warden.commands}); its tags name no subject, key or value.
 */
final class KeyTimers {

    static final String ENCRYPT = "encrypt";
    static final String DECRYPT = "decrypt";
    static final String CREATE = "create";
    static final String DESTROY = "destroy";

    private final Map<String, Timer> timers;

    KeyTimers(MeterRegistry meters) {
        this.timers = Map.of(ENCRYPT, timer(meters, ENCRYPT), DECRYPT, timer(meters, DECRYPT),
                CREATE, timer(meters, CREATE), DESTROY, timer(meters, DESTROY));
    }

    /** Records the time since {@code startNanos} under {@code op}. */
    void record(String op, long startNanos) {
        timers.get(op).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private static Timer timer(MeterRegistry meters, String op) {
        return Timer.builder("warden.keys.operations")
                .description("Data key operations: encrypt (key creation included), create, decrypt, destroy")
                .tag("op", op)
                .register(meters);
    }
}
