import java.net.URI;
import java.net.http.*;
/** Does JDK 17's HttpClient reuse a connection the Node upstream closed after its 5 s keep-alive? And restricted headers. */
public class Stale {
    public static void main(String[] a) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var u = URI.create("http://127.0.0.1:3101/mcp");
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"j\",\"version\":\"0\"}}}";
        for (int i = 0; i < 3; i++) {
            try {
                var r = http.send(HttpRequest.newBuilder(u).header("content-type", "application/json")
                        .header("accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(ping)).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("call " + i + " -> " + r.statusCode());
            } catch (Exception e) { System.out.println("call " + i + " FAILED " + e); }
            Thread.sleep(5500);
        }
        for (String h : new String[]{"host", "connection", "content-length", "upgrade", "expect", "mcp-session-id", "authorization"}) {
            try { HttpRequest.newBuilder(u).header(h, "x"); System.out.println("header " + h + ": allowed"); }
            catch (IllegalArgumentException e) { System.out.println("header " + h + ": " + e.getMessage()); }
        }
    }
}
