package dev.warden.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The governance part: the decide path, which sits on every agent tool call, and the MCP proxy's
 * added latency. Decisions through REST at each client count beside a trivial authenticated endpoint
 * ({@code GET /api/me}) and a trivial recorded command (creating a project) measured in the same run,
 * with the service's own command timers; then a
 * {@code tools/call} of {@code echo} made to the reference MCP server directly and through Warden's
 * proxy, interleaved call by call so both see the same machine.
 */
final class GovernanceBench {

    /** The reference server the proxy part fronts, installed with npm into {@code target/mcp-bench}. */
    static final String SERVER_PACKAGE = "@modelcontextprotocol/server-everything@2026.8.31";

    private final WardenRest rest;
    private final MeterRegistry meters;
    private final List<String> organizations;
    private final int[] clients;
    private final double seconds;
    private final double warmUp;
    private final int proxyCalls;

    GovernanceBench(WardenRest rest, MeterRegistry meters, List<String> organizations, int[] clients,
                    double seconds, double warmUp, int proxyCalls) {
        this.rest = rest;
        this.meters = meters;
        this.organizations = organizations;
        this.clients = clients;
        this.seconds = seconds;
        this.warmUp = warmUp;
        this.proxyCalls = proxyCalls;
    }

    /** Answers the table's lines (markdown): the decide table, then the proxy table. */
    List<String> run(int port) throws Exception {
        int most = Arrays.stream(clients).max().orElse(1);
        String[] sessions = new String[most];
        for (int c = 0; c < most; c++) {
            sessions[c] = setUp(organizations.get(c), "http://127.0.0.1:1/mcp")[1];
        }
        System.out.println("Governance part: warming up for " + warmUp + " s ...");
        ClosedLoop.run(Math.min(4, most), warmUp / 2, decide(sessions));
        ClosedLoop.run(Math.min(4, most), warmUp / 2, me());
        List<String> lines = new ArrayList<>();
        lines.add("| operation | clients | per second | client p50 / p99 ms | service mean ms (dispatch to commit) |");
        lines.add("|---|---|---|---|---|");
        for (int c : clients) {
            System.out.println("Governance part: measuring with " + c + " client(s) ...");
            lines.add(measure("GET /api/me (baseline: authenticated read)", c, null, me()));
            lines.add(measure("create a project (baseline: a recorded command)", c, "CreateProjectCommand",
                    project(c)));
            lines.add(measure("decide a tool call (recorded)", c, "DecideToolCallCommand", decide(sessions)));
        }
        lines.add("");
        try {
            lines.addAll(proxy(port));
        } catch (Exception e) {
            lines.add("Proxy overhead: failed, " + e);
        }
        return lines;
    }

    /** An organization with a server, twenty-one rules of which the last allows echo, and an agent session: their ids. */
    private String[] setUp(String organization, String url) throws IOException {
        String base = "/api/orgs/" + organization;
        String server = rest.create(base + "/mcp-servers", "{\"name\":\"bench-" + System.nanoTime()
                + "\",\"transport\":\"streamable-http\",\"url\":\"" + url + "\"}");
        StringBuilder rules = new StringBuilder();
        for (int r = 0; r < 19; r++) {
            rules.append("{\"name\":\"deny-").append(r).append("\",\"tool\":\"admin-").append(r)
                    .append("-*\",\"effect\":\"deny\"},");
        }
        rules.append("{\"name\":\"big-sums\",\"tool\":\"get-sum\",\"conditions\":[{\"pointer\":\"/a\",\"operator\":")
                .append("\"in\",\"value\":[1000,2000]}],\"effect\":\"require-approval\"},");
        rules.append("{\"name\":\"echo\",\"tool\":\"echo\",\"servers\":[\"").append(server).append("\"],")
                .append("\"conditions\":[{\"pointer\":\"/message\",\"operator\":\"matches\",\"value\":\"[a-z0-9 ]{1,64}\"}],")
                .append("\"effect\":\"allow\"}");
        rest.create(base + "/policies", "{\"name\":\"bench " + System.nanoTime() + "\",\"rules\":[" + rules + "]}");
        return new String[] {server, rest.create(base + "/agent-sessions", "{\"mcpServerId\":\"" + server
                + "\",\"agentName\":\"bench\"}")};
    }

    private String measure(String operation, int clientCount, String command, ClosedLoop.Operation work)
            throws Exception {
        double[] before = command == null ? new double[2] : totals(command);
        ClosedLoop.Result result = ClosedLoop.run(clientCount, seconds, work);
        double[] after = command == null ? new double[2] : totals(command);
        String service = command == null ? "-" : fixed((after[1] - before[1]) / (after[0] - before[0]));
        return "| " + operation + " | " + clientCount + " | " + String.format(Locale.ROOT, "%.0f", result.perSecond())
                + " | " + fixed(result.p50()) + " / " + fixed(result.p99()) + " | " + service
                + (result.errors() > 0 ? " (" + result.errors() + " errors: " + result.firstError() + ")" : "") + " |";
    }

    private ClosedLoop.Operation decide(String[] sessions) {
        return (client, n) -> {
            WardenRest.Response response = rest.send("POST", "/api/orgs/" + organizations.get(client) + "/decisions",
                    "{\"agentSessionId\":\"" + sessions[client] + "\",\"tool\":\"echo\",\"arguments\":{\"message\":\"call "
                            + n + "\"}}");
            if (response.statusCode() != 200 || !response.body().contains("\"allow\"")) {
                throw new IllegalStateException("decide answered " + response.statusCode() + ": " + response.body());
            }
        };
    }

    private ClosedLoop.Operation project(int phase) {
        return (client, n) -> rest.create("/api/orgs/" + organizations.get(client) + "/projects",
                "{\"name\":\"Governance bench " + phase + " " + client + " " + n + " " + System.nanoTime() + "\"}");
    }

    private ClosedLoop.Operation me() {
        return (client, n) -> {
            WardenRest.Response response = rest.send("GET", "/api/me", null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/api/me answered " + response.statusCode());
            }
        };
    }

    /** Echo through the proxy against echo made directly, interleaved; skipped without node and npm. */
    private List<String> proxy(int port) throws Exception {
        Path folder = Path.of("target", "mcp-bench").toAbsolutePath();
        Path entry = folder.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (!Files.exists(entry)) {
            System.out.println("Governance part: npm install " + SERVER_PACKAGE + " into " + folder + " ...");
            Files.createDirectories(folder);
            int status = exec(folder, "npm", "install", "--no-audit", "--no-fund", "--prefix", folder.toString(),
                    SERVER_PACKAGE);
            if (status != 0 || !Files.exists(entry)) {
                return List.of("Proxy overhead: skipped, npm could not install " + SERVER_PACKAGE + " (exit "
                        + status + ")");
            }
        }
        int upstreamPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            upstreamPort = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("node", entry.toString(), "streamableHttp")
                .redirectOutput(folder.resolve("server.log").toFile()).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(upstreamPort));
        Process server = builder.start();
        try {
            awaitPort(upstreamPort);
            return measureProxy(port, "http://127.0.0.1:" + upstreamPort + "/mcp");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private List<String> measureProxy(int port, String upstream) throws Exception {
        String organization = organizations.get(0);
        String base = "/api/orgs/" + organization;
        String server = setUp(organization, upstream)[0];
        String key = rest.send("POST", base + "/api-keys", "{\"name\":\"bench proxy " + System.nanoTime()
                + "\",\"scopes\":[\"agent-sessions:write\"]}").body();
        String secret = key.replaceAll("(?s).*\"secret\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        McpWire direct = new McpWire(upstream, null).open();
        McpWire proxied = new McpWire("http://127.0.0.1:" + port + base + "/mcp/" + server, "Bearer " + secret).open();
        proxied.request("tools/list", "{}");
        String call = "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello bench\"}}";
        for (int i = 0; i < Math.max(50, proxyCalls / 5); i++) {
            direct.request("tools/call", call);
            proxied.request("tools/call", call);
        }
        double[] directMs = new double[proxyCalls];
        double[] proxiedMs = new double[proxyCalls];
        for (int i = 0; i < proxyCalls; i++) {
            long start = System.nanoTime();
            direct.request("tools/call", call);
            long middle = System.nanoTime();
            proxied.request("tools/call", call);
            directMs[i] = (middle - start) / 1e6;
            proxiedMs[i] = (System.nanoTime() - middle) / 1e6;
        }
        Arrays.sort(directMs);
        Arrays.sort(proxiedMs);
        return List.of("| tools/call echo, " + proxyCalls + " calls each, interleaved | p50 ms | p90 ms | p99 ms |",
                "|---|---|---|---|",
                "| direct to the reference server | " + row(directMs) + " |",
                "| through Warden's proxy (decided, recorded, relayed) | " + row(proxiedMs) + " |",
                "| added by the proxy (difference of the percentiles) | " + fixed(at(proxiedMs, 0.5) - at(directMs, 0.5))
                        + " | " + fixed(at(proxiedMs, 0.9) - at(directMs, 0.9)) + " | "
                        + fixed(at(proxiedMs, 0.99) - at(directMs, 0.99)) + " |");
    }

    private static String row(double[] sorted) {
        return fixed(at(sorted, 0.5)) + " | " + fixed(at(sorted, 0.9)) + " | " + fixed(at(sorted, 0.99));
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static int exec(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO()
                .redirectOutput(new File(directory.toFile(), "npm.log")).start();
        return process.waitFor();
    }

    private static void awaitPort(int port) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the reference server did not listen on port " + port + " within 30 s", e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The count and total milliseconds of {@code warden.commands} for {@code command}. */
    private double[] totals(String command) {
        double[] total = new double[2];
        for (Timer timer : meters.find("warden.commands").tag("command", command).timers()) {
            total[0] += timer.count();
            total[1] += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        return total;
    }

    private static String fixed(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
