package dev.warden.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over plain sockets from a chosen loopback address (127.0.0.2, 127.0.0.3, ...), so one test
 * can act as several clients, and can send a body as slowly as it likes.
 */
public final class LoopbackClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LoopbackClients() {
    }

    /** The loopback address {@code 127.0.0.<n>}. */
    public static InetAddress loopback(int n) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this machine lets a socket use 127.0.0.2 as its own address (Linux does; macOS does not). */
    public static boolean severalLoopbackAddresses() {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(loopback(2), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A GET from {@code from}, with {@code token} as bearer credential if not null; reads the whole answer. */
    public static Answer get(InetAddress from, int port, String path, String token) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens a connection from {@code from} and sends the head of a JSON POST to {@code path} that
     * announces {@code length} bytes of body and none of them yet. The channel is non-blocking.
     */
    public static SocketChannel startPost(InetAddress from, int port, String path, int length) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.bind(new InetSocketAddress(from, 0));
            channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + length + "\r\n\r\n";
            ByteBuffer bytes = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, raw head and body. */
    public record Answer(int status, String head, String body) {

        /** Parses what a server sent, from its status line to the end of what arrived. */
        public static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            int status = head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
            return new Answer(status, head, body);
        }

        /** The value of header {@code name}, or {@code null}. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        /** The {@code code} of a problem body (a chunked body is cut to its JSON). */
        public String code() {
            int start = body.indexOf('{');
            int end = body.lastIndexOf('}');
            if (start < 0 || end < start) {
                return null;
            }
            JsonNode json = JSON.readTree(body.substring(start, end + 1));
            return json.path("code").asString();
        }
    }
}
