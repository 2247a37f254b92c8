package dev.warden.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The credentials part: what encryption costs a command. Three mixes through REST, each measured at
 * each client count in the same run: creating a project (a baseline command of the same shape:
 * checked, one event, no encryption), storing an AWS credential (two secret fields sealed under a data
 * key made for it) and revealing one (two fields opened, a reveal event appended). Beside the client's
 * latency, the service's own timers between the start and the end of a measurement: the command from
 * dispatch to commit ({@code warden.commands} of that command) and the data key operations within it
 * ({@code warden.keys.operations}: encrypt, of which key creation, or decrypt), as a share of the command.
 */
final class CredentialsBench {

    private static final String AWS_TYPE = "ctp_system-aws-access-key";

    private final WardenRest rest;
    private final MeterRegistry meters;
    private final List<String> organizations;
    private final int[] clients;
    private final double seconds;
    private final double warmUp;

    CredentialsBench(WardenRest rest, MeterRegistry meters, List<String> organizations, int[] clients,
                     double seconds, double warmUp) {
        this.rest = rest;
        this.meters = meters;
        this.organizations = organizations;
        this.clients = clients;
        this.seconds = seconds;
        this.warmUp = warmUp;
    }

    /** Warms up, measures each mix at each client count; answers the table's lines (markdown). */
    List<String> run() throws Exception {
        int most = 0;
        for (int c : clients) {
            most = Math.max(most, c);
        }
        String[] revealed = new String[most];
        for (int c = 0; c < most; c++) {
            revealed[c] = rest.create("/api/orgs/" + organizations.get(c) + "/credentials", storeBody("reveal" + c));
        }
        System.out.println("Credentials part: warming up for " + warmUp + " s ...");
        double third = warmUp / 3;
        ClosedLoop.run(1, third, project("w"));
        ClosedLoop.run(1, third, store("w"));
        ClosedLoop.run(1, third, reveal(revealed));

        List<String> lines = new ArrayList<>();
        lines.add("| mix | clients | commands/s | client p50 / p99 ms | command mean ms (dispatch to commit) "
                + "| data key operations ms per command | share of the command |");
        lines.add("|---|---|---|---|---|---|---|");
        for (int c : clients) {
            System.out.println("Credentials part: measuring with " + c + " client(s) ...");
            lines.add(measure("create a project (baseline)", c, "CreateProjectCommand", null, project("m" + c)));
            lines.add(measure("store an AWS credential", c, "StoreCredentialCommand", "encrypt", store("m" + c)));
            lines.add(measure("reveal a credential", c, "RevealCredentialCommand", "decrypt", reveal(revealed)));
        }
        return lines;
    }

    private String measure(String mix, int clientCount, String command, String op, ClosedLoop.Operation operation)
            throws Exception {
        double[] commandBefore = totals("warden.commands", "command", command);
        double[] keysBefore = op == null ? new double[2] : totals("warden.keys.operations", "op", op);
        double[] createBefore = totals("warden.keys.operations", "op", "create");
        ClosedLoop.Result result = ClosedLoop.run(clientCount, seconds, operation);
        double[] commandAfter = totals("warden.commands", "command", command);
        double[] keysAfter = op == null ? new double[2] : totals("warden.keys.operations", "op", op);
        double[] createAfter = totals("warden.keys.operations", "op", "create");
        double commands = commandAfter[0] - commandBefore[0];
        double commandMs = (commandAfter[1] - commandBefore[1]) / commands;
        double keysMs = (keysAfter[1] - keysBefore[1]) / commands;
        double createMs = (createAfter[1] - createBefore[1]) / commands;
        String keys = op == null ? "none" : fixed(keysMs) + " (" + op + (op.equals("encrypt")
                ? ", of which key creation " + fixed(createMs) : "") + ")";
        String share = op == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * keysMs / commandMs);
        return "| " + mix + " | " + clientCount + " | " + String.format(Locale.ROOT, "%.0f", result.perSecond())
                + " | " + fixed(result.p50()) + " / " + fixed(result.p99()) + " | " + fixed(commandMs) + " | "
                + keys + " | " + share + (result.errors() > 0 ? " (" + result.errors() + " errors: "
                + result.firstError() + ")" : "") + " |";
    }

    /** The count and total milliseconds of the timers named {@code name} with tag {@code key}={@code value}. */
    private double[] totals(String name, String key, String value) {
        double[] total = new double[2];
        for (Timer timer : meters.find(name).tag(key, value).timers()) {
            total[0] += timer.count();
            total[1] += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        return total;
    }

    private ClosedLoop.Operation project(String phase) {
        return (client, n) -> rest.create("/api/orgs/" + organizations.get(client) + "/projects",
                "{\"name\":\"Bench " + phase + " " + client + " " + n + " " + UUID.randomUUID() + "\"}");
    }

    private ClosedLoop.Operation store(String phase) {
        return (client, n) -> rest.create("/api/orgs/" + organizations.get(client) + "/credentials",
                storeBody(phase + client + "x" + n));
    }

    private ClosedLoop.Operation reveal(String[] credentials) {
        return (client, n) -> rest.command("POST", "/api/orgs/" + organizations.get(client) + "/credentials/"
                + credentials[client] + "/reveal", null);
    }

    /** An AWS credential body whose secret differs per call (40 characters of the key's alphabet). */
    private static String storeBody(String tag) {
        String secret = (UUID.randomUUID().toString().replace("-", "") + "ABCDEFGHIJ").substring(0, 40);
        return "{\"name\":\"Bench " + tag + "\",\"provider\":\"aws\",\"credentialTypeId\":\"" + AWS_TYPE
                + "\",\"values\":{\"access_key_id\":\"AKIAIOSFODNN7EXAMPLE\",\"secret_access_key\":\"" + secret
                + "\",\"region\":\"eu-west-1\"}}";
    }

    private static String fixed(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }
}
