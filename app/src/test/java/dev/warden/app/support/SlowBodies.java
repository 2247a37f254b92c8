package dev.warden.app.support;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that announce a request body and then send it one byte every {@code interval}, the way a
 * slow-loris attack does. Each connection ends when the server answers or closes it; {@link #all()}
 * tells how and when.
 */
public final class SlowBodies implements AutoCloseable {

    private static final int LENGTH = 1000;

    private final List<Connection> connections = new ArrayList<>();
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "slow-bodies");
        thread.setDaemon(true);
        return thread;
    });

    private SlowBodies() {
    }

    /**
     * Opens {@code perAddress} connections from each of {@code from} to {@code path} and starts
     * trickling their bodies.
     */
    public static SlowBodies start(int port, String path, int perAddress, Duration interval, InetAddress... from) {
        SlowBodies bodies = new SlowBodies();
        for (InetAddress address : from) {
            for (int i = 0; i < perAddress; i++) {
                bodies.connections.add(new Connection(LoopbackClients.startPost(address, port, path, LENGTH), System.nanoTime()));
            }
        }
        bodies.driver.scheduleAtFixedRate(bodies::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return bodies;
    }

    /** Whether every connection has been answered or closed by the server. */
    public synchronized boolean allEnded() {
        return connections.stream().allMatch(c -> c.ended != 0);
    }

    /** What happened to each connection so far. */
    public synchronized List<Outcome> all() {
        return connections.stream().map(Connection::outcome).toList();
    }

    @Override
    public void close() throws IOException {
        driver.shutdownNow();
        synchronized (this) {
            for (Connection connection : connections) {
                connection.channel.close();
            }
        }
    }

    private synchronized void tick() {
        for (Connection connection : connections) {
            if (connection.ended == 0) {
                connection.step();
            }
        }
    }

    /**
     * How a connection ended: the server's answer (status 0 if it closed without one) and how long
     * after opening; {@code ended} is false while the server keeps it open.
     */
    public record Outcome(boolean ended, LoopbackClients.Answer answer, Duration after) {
    }

    private static final class Connection {

        private final SocketChannel channel;
        private final long opened;
        private final StringBuilder received = new StringBuilder();
        private int sent;
        private long ended;

        Connection(SocketChannel channel, long opened) {
            this.channel = channel;
            this.opened = opened;
        }

        void step() {
            try {
                ByteBuffer in = ByteBuffer.allocate(4096);
                int n;
                while ((n = channel.read(in)) > 0) {
                    received.append(new String(in.array(), 0, n, StandardCharsets.UTF_8));
                    in.clear();
                }
                if (n < 0 || answered()) {
                    end();
                    return;
                }
                if (sent < LENGTH) {
                    sent += channel.write(ByteBuffer.wrap(new byte[] {' '}));
                }
            } catch (IOException e) {
                end();
            }
        }

        /** Whether a whole response has arrived (by its Content-Length, or the last chunk). */
        private boolean answered() {
            int head = received.indexOf("\r\n\r\n");
            if (head < 0) {
                return false;
            }
            LoopbackClients.Answer answer = LoopbackClients.Answer.parse(received.toString());
            String length = answer.header("Content-Length");
            return length != null ? answer.body().length() >= Integer.parseInt(length)
                    : answer.body().endsWith("0\r\n\r\n");
        }

        private void end() {
            ended = System.nanoTime();
            try {
                channel.close();
            } catch (IOException e) {
                // closed already
            }
        }

        Outcome outcome() {
            return new Outcome(ended != 0, LoopbackClients.Answer.parse(received.toString()),
                    Duration.ofNanos((ended == 0 ? System.nanoTime() : ended) - opened));
        }
    }
}
