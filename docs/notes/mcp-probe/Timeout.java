import java.net.URI; import java.net.http.*; import java.time.Duration;
/** Does HttpRequest.timeout() bound reading a streamed body, or only the wait for headers? */
public class Timeout { public static void main(String[] a) throws Exception {
  var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  long t0 = System.nanoTime();
  try {
    var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:3106/")).timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofInputStream());
    System.out.printf("headers after %d ms%n", (System.nanoTime()-t0)/1_000_000);
    String body = new String(r.body().readAllBytes());
    System.out.printf("body read after %d ms: %s%n", (System.nanoTime()-t0)/1_000_000, body.replace("\n","\\n"));
  } catch (Exception e) { System.out.printf("FAILED after %d ms: %s%n", (System.nanoTime()-t0)/1_000_000, e); }
}}
