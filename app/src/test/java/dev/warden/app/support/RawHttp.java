package dev.warden.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client refuses to send (raw bytes in the path,
 * control characters in a header, TRACE, a chunked body). Each request closes its connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Sends {@code method target} with {@code headers} (values written byte for byte as ISO-8859-1)
     * and {@code body} (sent chunked when {@code chunked}, else with a Content-Length).
     */
    public static Api.Response send(int port, String method, byte[] target, Map<String, String> headers,
                                    byte[] body, boolean chunked) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(target);
            head.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            headers.forEach((name, value) -> head.writeBytes((name + ": " + value + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)));
            if (body != null) {
                head.writeBytes((chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(head.toByteArray());
            out.flush();
            // The body goes out while the answer is read: a server that refuses a body early answers and
            // closes, and an answer read only after the whole body was pushed could be lost to the reset.
            Thread writer = new Thread(() -> writeBody(out, body, chunked), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            // Closing the socket after the answer ends a writer the server stopped reading from.
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request without a body, its target given as text (ISO-8859-1, so any byte can be written). */
    public static Api.Response send(int port, String method, String target, Map<String, String> headers) {
        return send(port, method, target.getBytes(StandardCharsets.ISO_8859_1), headers, null, false);
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        if (body == null) {
            return;
        }
        int step = 64 * 1024;
        try {
            if (!chunked) {
                out.write(body);
                return;
            }
            for (int from = 0; from < body.length; from += step) {
                int length = Math.min(step, body.length - from);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, from, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // The server may answer and close before the whole body is sent; the answer is still readable.
        }
    }

    private static Api.Response read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!isComplete(received.toByteArray())) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
        }
        byte[] all = received.toByteArray();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    k -> new java.util.ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        byte[] rawBody = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked");
        String body = new String(chunked ? dechunk(rawBody) : rawBody, StandardCharsets.UTF_8);
        HttpHeaders httpHeaders = HttpHeaders.of(headers, (a, b) -> true);
        return new Api.Response(status, httpHeaders.firstValue("content-type").orElse(""), body,
                httpHeaders.firstValue("warden-position").orElse(null), httpHeaders);
    }

    /** Whether {@code bytes} hold a whole response: its head and the body its length or last chunk ends. */
    private static boolean isComplete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length + 2);
            String value = head.substring(length + 17, lineEnd < 0 ? head.length() : lineEnd).strip();
            return bytes.length - end - 4 >= Long.parseLong(value);
        }
        return head.contains("transfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOfCrLf(raw, at);
            String size = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return raw.length;
    }
}
