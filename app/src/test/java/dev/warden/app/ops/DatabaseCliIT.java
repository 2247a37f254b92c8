package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.cli.DatabaseCli;
import dev.warden.app.support.TestDatabaseInitializer;
import dev.warden.app.support.WardenTest;
import dev.warden.testdatabase.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database CLI against the test database: migrate, seed twice, info, a bad URL, and the embedded
 * database held by a running service.
 */
@WardenTest
class DatabaseCliIT {

    /** A log line of a thread other than the test's ({@code main}), in the service's console pattern. */
    private static final Pattern BACKGROUND_LOG = Pattern.compile(
            "^\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+\\d+ --- \\[[^\\]]*\\] \\[\\s*+(?!main\\])[^\\]]+\\]");

    @Autowired
    JdbcClient jdbc;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("warden.database.url");
        System.clearProperty("warden.database.embedded.data-dir");
        System.clearProperty("warden.keys.master-key");
    }

    @Test
    void seedTwiceAppendsNothingAndInfoReportsTheLog() {
        System.setProperty("warden.database.url", TestDatabase.url());
        System.setProperty("warden.keys.master-key", TestDatabaseInitializer.MASTER_KEY);
        Result migrate = run("db", "migrate");
        assertThat(migrate.code).as(migrate.err).isZero();

        Result seed = run("db", "seed");
        assertThat(seed.code).as(seed.err).isZero();
        long events = eventCount();
        Result again = run("db", "seed");
        assertThat(again.code).as(again.err).isZero();
        assertThat(again.out).contains("Seeded: 0 command(s) stored events");
        assertThat(eventCount()).isEqualTo(events);

        Result info = run("db", "info");
        assertThat(info.code).as(info.err).isZero();
        assertThat(info.out).contains("0001", "axon infrastructure", "Events: ", "Head position: ", "Projections:");
    }

    @Test
    void unreachableDatabaseGivesOneClearLine() {
        System.setProperty("warden.database.url", "postgresql://someone:topsecret@127.0.0.1:1/nothing");
        Result info = run("db", "info");
        assertThat(info.code).isEqualTo(1);
        assertThat(info.err).contains("warden db info failed: Cannot connect to PostgreSQL at someone@127.0.0.1:1/nothing")
                .doesNotContain("topsecret");
    }

    @Test
    void infoWhileTheServiceHoldsTheEmbeddedDatabaseIsOneLine(@TempDir Path dataDir) throws IOException {
        // The embedded server as the running service starts it: it holds the data directory's lock.
        try (EmbeddedPostgres held = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            System.setProperty("warden.database.url", "");
            System.setProperty("warden.database.embedded.data-dir", dataDir.toString());
            Result info = run("db", "info");
            assertThat(info.code).isEqualTo(1);
            assertThat(ownLines(info.out)).as("nothing but the one line on standard error").isEmpty();
            assertThat(String.join("\n", ownLines(info.err))).isEqualTo("warden db info failed: Another Warden is using the data directory "
                    + dataDir.resolve("postgres") + "; stop it or set WARDEN_DATA_DIR to another directory");
        }
    }

    @Test
    void unknownCommandPrintsUsage() {
        Result result = run("db", "drop");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.err).contains("usage: warden db");
    }

    /**
     * The lines of {@code text} but the log lines of the service under test's own threads (its processors
     * and pollers log to the same console while the command runs on the test's thread).
     */
    private static List<String> ownLines(String text) {
        return text.lines().filter(line -> !line.isBlank())
                .filter(line -> !(BACKGROUND_LOG.matcher(line).find())).toList();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = DatabaseCli.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
