package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.WardenApplication;
import dev.warden.keys.MasterKey;
import dev.warden.testdatabase.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starting the service with a setting it cannot use ends the process with exit code 1 and one clear
 * line on standard error, without a stack trace and without the password (a setting checked after the
 * database, with one sentence in the failure report); a command it does not know ends it with exit
 * code 2 and the list of commands.
 */
class StartupFailureIT {

    @Test
    void unreachableDatabaseIsOneLine() throws Exception {
        Result result = start(Map.of("DATABASE_URL", "postgresql://warden:hunter2@127.0.0.1:1/warden"));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).hasSize(1);
        assertThat(result.stderr.get(0))
                .startsWith("warden: cannot start: Cannot connect to PostgreSQL at warden@127.0.0.1:1/warden: ")
                .contains("refused");
        assertThat(result.stdout + result.stderr).doesNotContain("hunter2").doesNotContain("Exception");
    }

    @Test
    void malformedDatabaseUrlIsOneLine() throws Exception {
        Result result = start(Map.of("DATABASE_URL", "mysql://warden:hunter2@db/warden"));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).hasSize(1);
        assertThat(result.stderr.get(0)).startsWith("warden: cannot start: DATABASE_URL must start with postgresql://")
                .doesNotContain("hunter2");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "WARDEN_ROLES       | comand | --roles / WARDEN_ROLES takes command, query or both (comma-separated), got: comand",
            "DATABASE_POOL_SIZE | 0      | warden.database.pool-size (DATABASE_POOL_SIZE) must be at least 1, got 0"})
    void unknownRoleOrDatabaseSettingOutOfRangeIsOneLine(String variable, String value, String line) throws Exception {
        Result result = start(Map.of(variable, value));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).containsExactly("warden: cannot start: " + line);
    }

    @Test
    void settingOutOfRangeNamesThePropertyAndItsVariable(@TempDir Path dataDir) throws Exception {
        Result result = start(Map.of("WARDEN_HTTP_BODY_TIMEOUT", "0s", "WARDEN_DATA_DIR", dataDir.toString(),
                "PORT", "0"));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stdout).contains("APPLICATION FAILED TO START").contains(
                "warden.web.body-timeout (WARDEN_HTTP_BODY_TIMEOUT) must be a positive duration, got 0s");
        assertThat(result.stdout + result.stderr).doesNotContain("\tat ");
    }

    @Test
    void refusedBootstrapPasswordIsOneLineAndStartsNothing(@TempDir Path dataDir) throws Exception {
        Result result = start(Map.of("WARDEN_BOOTSTRAP_ADMIN_EMAIL", "admin@example.com",
                "WARDEN_BOOTSTRAP_ADMIN_PASSWORD", "hunter2", "WARDEN_DATA_DIR", dataDir.toString(), "PORT", "0"));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).containsExactly(
                "warden: cannot start: WARDEN_BOOTSTRAP_ADMIN_PASSWORD: A password has 12 to 128 characters");
        assertThat(result.stdout + result.stderr).doesNotContain("hunter2");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void masterKeyOtherThanTheDataKeysOneIsOneSentenceNamingBothIds() throws Exception {
        String url = TestDatabase.url("master_key_start");
        JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated(url));
        jdbc.sql("DELETE FROM data_keys").update();
        jdbc.sql("INSERT INTO data_keys (subject_id, keyset, master_key_id) VALUES ('subject-1', ?, 'a1b2c3d4e5f60718')")
                .param(new byte[] {1}).update();
        String given = MasterKey.generateBase64();

        Result result = start(Map.of("DATABASE_URL", url, "WARDEN_MASTER_KEY", given, "PORT", "0"));
        String line = "the data keys are wrapped under master key a1b2c3d4e5f60718 but the master key given has id "
                + MasterKey.fromBase64(given, "test").id() + ": give that key (or finish `warden keys rotate-master`)";
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).containsExactly("warden: cannot start: " + line);
        assertThat(result.stdout).contains("APPLICATION FAILED TO START").contains(line);
        assertThat(result.stdout + result.stderr).doesNotContain("\tat ").doesNotContain(given);
    }

    @Test
    void externalDatabaseWithoutMasterKeyIsOneSentenceNamingTheVariables() throws Exception {
        String url = TestDatabase.url("master_key_missing");
        JdbcClient.create(TestDatabase.migrated(url)).sql("DELETE FROM data_keys").update();

        Result result = start(Map.of("DATABASE_URL", url, "PORT", "0"));
        assertThat(result.code).isEqualTo(1);
        assertThat(result.stderr).singleElement().asString()
                .startsWith("warden: cannot start: no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE");
        assertThat(result.stdout + result.stderr).doesNotContain("\tat ");
    }

    @Test
    void unknownCommandListsTheCommandsAndStartsNothing(@TempDir Path dataDir) throws Exception {
        // Where the service would keep its data and listen, were it started by mistake.
        Map<String, String> environment = Map.of("WARDEN_DATA_DIR", dataDir.toString(), "PORT", "0");
        Result result = start(environment, "backup");
        assertThat(result.code).isEqualTo(2);
        assertThat(result.stderr).containsExactly("warden: unknown command 'backup'",
                "usage: warden [--roles=command,query] [--<setting>=<value> ...]   run the service",
                "       warden db migrate|seed|info                                the database chores",
                "       warden keys rotate-master [--new-key-file=PATH]            re-wrap the data keys");
        assertThat(result.stdout).isEmpty();
        assertThat(dataDir).isEmptyDirectory();

        Result option = start(environment, "--roles=comand");
        assertThat(option.stderr).as("options still reach the service").containsExactly(
                "warden: cannot start: --roles / WARDEN_ROLES takes command, query or both (comma-separated), got: comand");
    }

    private static Result start(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("warden-start", ".out");
        Path err = Files.createTempFile("warden-start", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), WardenApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("WARDEN_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the service neither started nor failed within 60 s");
        }
        List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), stderr);
    }

    private record Result(int code, String stdout, List<String> stderr) {
    }
}
