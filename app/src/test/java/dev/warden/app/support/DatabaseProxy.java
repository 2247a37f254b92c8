package dev.warden.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder in front of the test database, so a test can make the database disappear and come
 * back: {@link #cut()} drops every open connection (as a PostgreSQL restart does) and refuses new
 * ones until {@link #restore()}; {@link #hold()} stops forwarding what clients send, so their
 * statements stay in flight.
 */
public final class DatabaseProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong held = new AtomicLong();
    private volatile boolean up = true;
    private volatile boolean holding;

    private DatabaseProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to {@code host:port}, listening on a free local port. */
    public static DatabaseProxy to(String host, int port) {
        try {
            return new DatabaseProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The database goes away: open connections are reset, new ones are closed at once. */
    public void cut() {
        up = false;
        holding = false;
        open.forEach(DatabaseProxy::reset);
        open.clear();
    }

    /**
     * The database is back. Connections still held are dropped first: what they sent is lost, and
     * their open transactions must end (an open transaction anywhere on the server holds back what
     * every database's projections may read).
     */
    public void restore() {
        if (holding) {
            cut();
        }
        held.set(0);
        up = true;
    }

    /** Stops passing on what clients send; {@link #heldBytes()} counts it. */
    public void hold() {
        holding = true;
    }

    /** Bytes clients sent since {@link #hold()} that did not reach the database. */
    public long heldBytes() {
        return held.get();
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    reset(client);
                    continue;
                }
                Socket database = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(database);
                pump(client, database, true);
                pump(database, client, false);
            } catch (IOException e) {
                // the server socket closed, or the database refused: the client sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (fromClient && holding) {
                        held.addAndGet(n);
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: so does the other
            } finally {
                reset(from);
                reset(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
