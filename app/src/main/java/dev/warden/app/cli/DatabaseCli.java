package dev.warden.app.cli;

import dev.warden.command.support.Seeder;
import dev.warden.query.support.Positions;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code warden db migrate|seed|info}: the database chores, run against the same database the
 * service would use (DATABASE_URL or the embedded default). Exit code 0 on success, 1 on failure,
 * 2 on a usage error.
 */
public final class DatabaseCli {

    private static final String USAGE = """
            usage: warden db <command>
              migrate   apply pending Flyway migrations
              seed      register the permission catalogue and default roles (appends nothing if present)
              info      migrations, event count, log head and each projection's position""";

    private DatabaseCli() {
    }

    public static int run(String[] args) {
        PrintStream out = System.out;
        if (args.length != 2 || !List.of("migrate", "seed", "info").contains(args[1])) {
            System.err.println(USAGE);
            return 2;
        }
        String command = args[1];
        String roles = command.equals("seed") ? "command" : "none";
        // Only migrate and seed change the schema; info looks and leaves pending migrations pending.
        boolean migrate = !command.equals("info");
        try (ConfigurableApplicationContext context = CliContext.start(roles, migrate)) {
            Flyway flyway = Flyway.configure().dataSource(context.getBean(DataSource.class))
                    .locations("classpath:db/migration").load();
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            switch (command) {
                case "migrate" -> out.printf("Schema at version %s; %d migration(s) applied in all%n",
                        flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                        flyway.info().applied().length);
                case "seed" -> out.printf("Seeded: %d command(s) stored events%n",
                        context.getBeanProvider(Seeder.class).orderedStream().mapToInt(Seeder::seed).sum());
                default -> info(out, flyway, jdbc, context.getBean("serializer", Serializer.class));
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println("warden db " + command + " failed: " + CliContext.rootMessage(e));
            return 1;
        }
    }

    private static void info(PrintStream out, Flyway flyway, JdbcClient jdbc, Serializer serializer) {
        out.println("Migrations:");
        for (MigrationInfo migration : flyway.info().all()) {
            out.printf("  %-6s %-45s %s%n", migration.getVersion(), migration.getDescription(),
                    migration.getState().getDisplayName());
        }
        if (flyway.info().current() == null) {
            out.println("The schema is empty: run `db migrate` (or start the service) first.");
            return;
        }
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        long head = jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class)
                .single();
        out.printf("Events: %d%nHead position: %d%nProjections:%n", events, head);
        jdbc.sql("SELECT processor_name, segment, token, token_type, owner FROM token_entry "
                        + "ORDER BY processor_name, segment")
                .query((rs, n) -> {
                    OptionalLong at = Positions.lowerBound(Positions.decode(serializer, rs.getBytes(3),
                            rs.getString(4)));
                    String position = at.isPresent() ? Long.toString(at.getAsLong()) : "none";
                    return String.format("  %-22s segment %d  position %s  (%d behind)  owner %s", rs.getString(1),
                            rs.getInt(2), position, position.equals("none") ? head : head - Long.parseLong(position),
                            rs.getString(5) == null ? "none" : rs.getString(5));
                })
                .list()
                .forEach(out::println);
    }
}
