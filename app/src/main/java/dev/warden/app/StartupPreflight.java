package dev.warden.app;

import dev.warden.app.database.DatabaseProperties;
import dev.warden.app.database.DatabaseSettings;
import dev.warden.app.database.DatabaseStartupException;
import dev.warden.command.support.StartupCheck;
import java.util.Set;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Checks the settings a start depends on before anything else starts: the roles this process runs,
 * each context's own settings ({@link StartupCheck}) and the database (its settings are in range,
 * {@code DATABASE_URL} parses and the server answers). A bad setting ends the process with one clear
 * line on standard error and exit code 1, not a page of stack traces. Other settings out of range stop
 * the start a moment later, when their record is bound, with a report of one sentence
 * ({@link SettingFailureAnalyzer}).
 */
class StartupPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Set<String> ROLES = Set.of("command", "query", "none");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String roles = event.getEnvironment().getProperty("warden.roles", "command,query");
        for (String role : roles.split(",")) {
            if (!ROLES.contains(role.strip())) {
                fail("--roles / WARDEN_ROLES takes command, query or both (comma-separated), got: " + roles);
            }
        }
        for (StartupCheck check : SpringFactoriesLoader.forDefaultResourceLocation().load(StartupCheck.class)) {
            check.problem(event.getEnvironment()).ifPresent(StartupPreflight::fail);
        }
        DatabaseProperties database = database(event.getEnvironment());
        if (database != null && database.external()) {
            try {
                DatabaseSettings.parse(database.url(), database.ssl()).requireReachable();
            } catch (DatabaseStartupException e) {
                fail(e.getMessage());
            }
        }
    }

    private static DatabaseProperties database(ConfigurableEnvironment environment) {
        try {
            return Binder.get(environment).bind("warden.database", DatabaseProperties.class).orElse(null);
        } catch (BindException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
                    fail(SettingFailureAnalyzer.describe(invalid, environment));
                }
            }
            throw e;
        }
    }

    private static void fail(String message) {
        System.err.println("warden: cannot start: " + message);
        System.exit(1);
    }
}
