package dev.warden.bench;

import dev.warden.app.support.LargeTenant;
import dev.warden.app.support.LargeTenant.Owner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The reads part: the latency of a page of each list at each size (1,000 and 1,000,000 rows by
 * default), side by side, for the first page and for the page after the list's middle row. Each size
 * gets an organization and a user of its own, signed in over REST; their lists are then filled with
 * SQL ({@link LargeTenant}), straight into the read models, and the audit trail's events into the log.
 */
final class ReadsBench {

    /** The page size asked for, as a client showing a list would. */
    private static final int LIMIT = 20;

    /** The lists measured, as the table shows them. */
    private static final List<ReadList> LISTS = List.of(new ReadList("roles", false, false),
            new ReadList("members", false, false), new ReadList("invitations", false, false),
            new ReadList("API keys", false, false),
            new ReadList("access requests", false, false), new ReadList("access requests, pending", false, false),
            new ReadList("audit trail", false, false), new ReadList("activity feed", false, false),
            new ReadList("audit trail, organization with as many members", false, true),
            new ReadList("my sessions", true, false), new ReadList("my invitations", true, false),
            new ReadList("my linked accounts", true, false), new ReadList("my organizations", true, false));

    /** A way to connect to the service's database. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /**
     * One list: its name, whether the user asks for it (else the admin) and whether it is measured
     * with one client only (its pages take long enough that more would only queue).
     */
    private record ReadList(String name, boolean asUser, boolean oneClient) {
    }

    /**
     * A size's tenant: its organization, the organization of its audit trail, its user signed in, each
     * list's first page and the cursor after its middle row.
     */
    private record Tenant(int size, String org, String auditOrg, String userId, WardenRest admin, WardenRest user,
                          Map<String, String> paths, Map<String, String> middles) {
    }

    private final WardenRest admin;
    private final int port;
    private final Connector database;
    private final Runnable stopProjections;
    private final int[] sizes;
    private final int clients;
    private final double seconds;
    private final double warmUp;

    ReadsBench(WardenRest admin, int port, Connector database, Runnable stopProjections, int[] sizes, int clients,
               double seconds, double warmUp) {
        this.admin = admin;
        this.port = port;
        this.database = database;
        this.stopProjections = stopProjections;
        this.sizes = sizes;
        this.clients = clients;
        this.seconds = seconds;
        this.warmUp = warmUp;
    }

    /** Fills, warms up and measures; answers the table's lines (markdown). */
    List<String> run() throws Exception {
        // Every request to the service first: once the events are written, commands would wait for
        // the projections to pass them.
        List<Tenant> tenants = new ArrayList<>();
        for (int size : sizes) {
            tenants.add(tenant(size));
        }
        fill(tenants);
        say("Warming up the reads for " + fixed(warmUp) + " s ...");
        List<Request> every = new ArrayList<>();
        for (Tenant tenant : tenants) {
            for (ReadList list : LISTS) {
                if (!list.oneClient()) {
                    every.add(new Request(tenant, list, tenant.paths().get(list.name())));
                    every.add(new Request(tenant, list, middle(tenant, list)));
                }
            }
        }
        ClosedLoop.run(clients, warmUp, (client, n) -> every.get((int) ((n * clients + client) % every.size())).send());
        List<String> table = new ArrayList<>(header());
        for (ReadList list : LISTS) {
            StringBuilder row = new StringBuilder("| " + list.name() + (list.oneClient() ? " (1 client)" : "") + " |");
            for (Tenant tenant : tenants) {
                for (Request request : List.of(new Request(tenant, list, tenant.paths().get(list.name())),
                        new Request(tenant, list, middle(tenant, list)))) {
                    say("  " + request.path());
                    ClosedLoop.Result result = ClosedLoop.run(list.oneClient() ? 1 : clients, seconds,
                            (client, n) -> request.send());
                    row.append(' ').append(cell(result)).append(" |");
                }
            }
            table.add(row.toString());
        }
        return table;
    }

    /** The path of the page after the list's middle row. */
    private static String middle(Tenant tenant, ReadList list) {
        return tenant.paths().get(list.name()) + "&cursor=" + tenant.middles().get(list.name());
    }

    /** A request of one list's page; fails unless answered 200. */
    private record Request(Tenant tenant, ReadList list, String path) {

        void send() throws Exception {
            WardenRest client = list.asUser() ? tenant.user() : tenant.admin();
            WardenRest.Response response = client.send("GET", path, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
    }

    private List<String> header() {
        StringBuilder head = new StringBuilder("| list (GET, limit=" + LIMIT + "), p50 / p99 ms (requests/s) |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int size : sizes) {
            String rows = String.format(Locale.ROOT, "%,d", size) + " rows";
            head.append(' ').append(rows).append(": first page | ").append(rows).append(": middle page |");
            rule.append("---|---|");
        }
        return List.of(head.toString(), rule.toString());
    }


    /**
     * An organization and a user for the lists of one size, the user signed in; the audit trail's
     * events go to a second organization of the admin's, whose only member is the admin (the trail
     * also reads each member's account-wide events, one probe per member: the row "with as many
     * members" reads the first organization's trail).
     */
    private Tenant tenant(int size) throws Exception {
        String tag = size + "-" + UUID.randomUUID().toString().substring(0, 8);
        String org = admin.create("/api/orgs", "{\"name\":\"Reads " + tag + "\"}");
        String auditOrg = admin.create("/api/orgs", "{\"name\":\"Reads audit " + tag + "\"}");
        String email = "reads-" + tag + "@example.com";
        String password = "bench-" + UUID.randomUUID();
        String userId = admin.create("/api/orgs/" + org + "/users", "{\"email\":\"" + email
                + "\",\"displayName\":\"Reader " + tag + "\",\"password\":\"" + password + "\"}");
        WardenRest user = new WardenRest(port);
        if (!user.signIn(email, password)) {
            throw new IllegalStateException("the reads part needs sessions (POST /api/sessions)");
        }
        Map<String, String> paths = new LinkedHashMap<>();
        String base = "/api/orgs/" + org;
        paths.put("roles", base + "/roles?limit=" + LIMIT);
        paths.put("members", base + "/members?limit=" + LIMIT);
        paths.put("invitations", base + "/invitations?limit=" + LIMIT);
        paths.put("API keys", base + "/api-keys?limit=" + LIMIT);
        paths.put("access requests", base + "/access-requests?limit=" + LIMIT);
        paths.put("access requests, pending", base + "/access-requests?status=pending&limit=" + LIMIT);
        paths.put("audit trail", "/api/orgs/" + auditOrg + "/audit?limit=" + LIMIT);
        paths.put("activity feed", "/api/orgs/" + auditOrg + "/activity?limit=" + LIMIT);
        paths.put("audit trail, organization with as many members", base + "/audit?limit=" + LIMIT);
        paths.put("my sessions", "/api/me/sessions?limit=" + LIMIT);
        paths.put("my invitations", "/api/me/invitations?limit=" + LIMIT);
        paths.put("my linked accounts", "/api/me/accounts?limit=" + LIMIT);
        paths.put("my organizations", "/api/me/organizations?limit=" + LIMIT);
        return new Tenant(size, org, auditOrg, userId, admin, user, paths, new LinkedHashMap<>());
    }

    /**
     * Every tenant's lists, then their audit trails' events. The projections are stopped first and
     * stay stopped: the reads need none of them, and passing a million events it handles none of
     * ran the identity processor out of the service's 1 GiB heap.
     */
    private void fill(List<Tenant> tenants) throws Exception {
        stopProjections.run();
        try (Connection connection = database.connect()) {
            for (Tenant tenant : tenants) {
                say("Filling every list with " + tenant.size() + " rows ...");
                long t0 = System.nanoTime();
                LargeTenant rows = new LargeTenant(connection);
                Owner organization = Owner.of(tenant.org());
                Owner reader = Owner.of(tenant.userId());
                Map<String, String> middles = tenant.middles();
                middles.put("roles", rows.roles(organization, tenant.size()));
                middles.put("members", rows.members(organization, tenant.size()));
                middles.put("invitations", rows.invitations(organization, reader, tenant.size()));
                middles.put("my invitations", middles.get("invitations"));
                middles.put("API keys", rows.apiKeys(organization, tenant.size()));
                middles.put("access requests", rows.accessRequests(organization, tenant.size()));
                middles.put("access requests, pending", middles.get("access requests"));
                middles.put("my sessions", rows.sessions(reader, tenant.size()));
                middles.put("my linked accounts", rows.accounts(reader, tenant.size()));
                middles.put("my organizations", rows.memberships(reader, tenant.size()));
                say("  filled in " + fixed((System.nanoTime() - t0) / 1e9) + " s");
            }
            for (Tenant tenant : tenants) {
                say("Writing " + tenant.size() + " events into an audit trail ...");
                String middle = new LargeTenant(connection).events(Owner.of(tenant.auditOrg()), tenant.size());
                for (String list : List.of("audit trail", "activity feed",
                        "audit trail, organization with as many members")) {
                    tenant.middles().put(list, middle);
                }
            }
            statement(connection, "ANALYZE");
        }
    }

    private static void statement(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String cell(ClosedLoop.Result result) {
        String latency = ms(result.p50()) + " / " + ms(result.p99()) + " ("
                + String.format(Locale.ROOT, result.perSecond() < 10 ? "%.1f" : "%,.0f", result.perSecond()) + "/s)";
        return result.errors() == 0 ? latency
                : latency + " (" + result.errors() + " failed: " + result.firstError() + ")";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }
}
