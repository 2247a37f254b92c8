package dev.warden.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a number of clients for a fixed time, each doing one operation after the other (closed
 * loop), and measures operations per second and the latency of each operation.
 */
final class ClosedLoop {

    /** One client's operation; {@code n} counts this client's operations from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int client, long n) throws Exception;
    }

    /** What a run measured. Latencies in milliseconds. */
    record Result(long operations, double seconds, double p50, double p99, double meanMillis, long errors,
                  String firstError) {

        double perSecond() {
            return operations / seconds;
        }
    }

    private ClosedLoop() {
    }

    static Result run(int clients, double seconds, Operation operation) throws InterruptedException {
        return run(clients, seconds, operation, null);
    }

    /**
     * Runs {@code clients} threads for {@code seconds}. If {@code latency} is given, it supplies the
     * latency of each operation in nanoseconds (after the operation returned) instead of its duration.
     */
    static Result run(int clients, double seconds, Operation operation, LatencySource latency)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        long[][] samples = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long durationNanos = (long) (seconds * 1e9);
        long[] began = new long[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int count = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = began[0] + durationNanos;
                for (long n = 0; System.nanoTime() < end; n++) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run(client, n);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        continue;
                    }
                    long took = latency != null ? latency.last(client) : System.nanoTime() - t0;
                    if (count == mine.length) {
                        mine = Arrays.copyOf(mine, mine.length * 2);
                    }
                    mine[count++] = took;
                }
                samples[client] = mine;
                counts[client] = count;
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        began[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double mean = total == 0 ? Double.NaN : Arrays.stream(all).average().orElse(0) / 1e6;
        return new Result(total, elapsed, percentile(all, 0.50), percentile(all, 0.99), mean, errors.get(),
                firstError.get());
    }

    /** Supplies the latency of a client's last operation when it is not the operation's duration. */
    @FunctionalInterface
    interface LatencySource {
        long last(int client);
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
