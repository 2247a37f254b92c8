package dev.warden.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a number of clients for a fixed time, each doing one operation after the other (closed
 * loop), and measures operations per second, the latency of each operation and the CPU time the
 * operations cost.
 */
final class ClosedLoop {

    /** One client's operation; {@code n} counts this client's operations from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int client, long n) throws Exception;
    }

    /**
     * What a run measured. Latencies in milliseconds. CPU per operation in milliseconds: of the whole
     * machine (this JVM, PostgreSQL and anything else running) and of this JVM alone; {@code coresBusy}
     * is the machine's busy CPU time over the run's time. NaN where the platform does not tell.
     */
    record Result(long operations, double seconds, double p50, double p99, double meanMillis, long errors,
                  String firstError, double cpuMillisPerOp, double jvmCpuMillisPerOp, double coresBusy,
                  double jitMillis) {

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
        double machineBefore = machineBusyMillis();
        double jvmBefore = jvmCpuMillis();
        long jitBefore = jitMillis();
        began[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - began[0]) / 1e9;
        double machineBusy = machineBusyMillis() - machineBefore;
        double jvmBusy = jvmCpuMillis() - jvmBefore;
        long jit = jitMillis() - jitBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double mean = total == 0 ? Double.NaN : Arrays.stream(all).average().orElse(0) / 1e6;
        double perOp = total == 0 ? Double.NaN : 1.0 / total;
        return new Result(total, elapsed, percentile(all, 0.50), percentile(all, 0.99), mean, errors.get(),
                firstError.get(), machineBusy * perOp, jvmBusy * perOp, machineBusy / 1000 / elapsed, jit);
    }

    /**
     * Milliseconds the JIT compilers have worked in this JVM so far. Compiling competes with the
     * service for the cores, so a run that still compiles a lot measured a JVM not yet warm.
     */
    static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /**
     * The machine's busy CPU time since boot in milliseconds, summed over its cores: user, nice,
     * system, irq, softirq and steal of the first line of /proc/stat. NaN where there is no
     * /proc/stat (not Linux).
     */
    static double machineBusyMillis() {
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/stat"))) {
            // cpu user nice system idle iowait irq softirq steal guest guest_nice
            String[] fields = reader.readLine().trim().split("\\s+");
            long jiffies = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                jiffies += Long.parseLong(fields[i]);
            }
            // Jiffies of 1/100 s: Linux's USER_HZ, which `getconf CLK_TCK` prints as 100 on the machines this runs on.
            return jiffies * 10.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** This JVM's CPU time in milliseconds, NaN where the JVM does not tell. */
    static double jvmCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
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
