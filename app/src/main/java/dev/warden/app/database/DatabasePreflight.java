package dev.warden.app.database;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Checks {@code DATABASE_URL} before anything else starts, so a bad URL or an unreachable server
 * ends the process with one clear line on standard error and exit code 1, not a page of traces.
 */
public class DatabasePreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        DatabaseProperties properties = Binder.get(event.getEnvironment())
                .bind("warden.database", DatabaseProperties.class)
                .orElse(null);
        if (properties == null || !properties.external()) {
            return;
        }
        try {
            DatabaseSettings settings = DatabaseSettings.parse(properties.url(), properties.ssl());
            DatabaseConfiguration.requireReachable(settings.jdbcUrl(), settings.driverProperties(),
                    settings.describe());
        } catch (DatabaseStartupException e) {
            System.err.println("warden: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }
}
