import java.io.*;
import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;

/** java.net.http client against server-everything: initialize, initialized, N x tools/call echo; SSE parsed by hand. */
public class SseProbe {
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final URI U = URI.create(System.getProperty("url", "http://127.0.0.1:3101/mcp"));

    static HttpResponse<InputStream> post(String sid, String body) throws Exception {
        var b = HttpRequest.newBuilder(U).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .header("accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sid != null) b.header("mcp-session-id", sid).header("mcp-protocol-version", "2025-11-25");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads SSE events until one whose data is a JSON-RPC response (has "id" and result/error); returns its data. */
    static String firstResponse(HttpResponse<InputStream> r) throws IOException {
        String ct = r.headers().firstValue("content-type").orElse("");
        try (var in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            if (ct.startsWith("application/json")) return in.readLine();
            StringBuilder data = new StringBuilder(); String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {                       // end of event
                    if (data.length() > 0 && (data.indexOf("\"result\"") >= 0 || data.indexOf("\"error\"") >= 0)) return data.toString();
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }                                           // id:, event:, retry:, ':' comments ignored here
            }
        }
        return null;
    }

    public static void main(String[] a) throws Exception {
        var init = post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"jprobe\",\"version\":\"0\"}}}");
        String sid = init.headers().firstValue("mcp-session-id").orElseThrow();
        System.out.println("init " + init.statusCode() + " " + init.headers().firstValue("content-type").orElse("") + " sid=" + sid);
        System.out.println("init result: " + firstResponse(init).substring(0, 80) + "...");
        var n = post(sid, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        n.body().close();
        System.out.println("initialized -> " + n.statusCode());
        int N = Integer.getInteger("n", 300);
        long[] t = new long[N];
        String last = null;
        for (int i = 0; i < N; i++) {
            long s = System.nanoTime();
            last = firstResponse(post(sid, "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 2) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}}"));
            t[i] = System.nanoTime() - s;
        }
        System.out.println("last: " + last);
        long[] w = Arrays.copyOfRange(t, N / 5, N); Arrays.sort(w);   // drop warm-up fifth
        System.out.printf("echo direct via HttpClient: n=%d p50=%.2fms p90=%.2fms p99=%.2fms%n", w.length,
                w[w.length / 2] / 1e6, w[(int) (w.length * 0.9)] / 1e6, w[(int) (w.length * 0.99)] / 1e6);
        var d = http.send(HttpRequest.newBuilder(U).header("mcp-session-id", sid).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        System.out.println("DELETE -> " + d.statusCode());
    }
}
