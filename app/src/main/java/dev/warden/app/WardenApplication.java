package dev.warden.app;

import dev.warden.app.cli.CommandLine;
import dev.warden.command.CommandSide;
import dev.warden.keys.Keys;
import dev.warden.query.QuerySide;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Warden, the one deployable. It runs the command side, the query side or both
 * ({@code --roles=command,query}), and doubles as the database CLI ({@code db migrate|seed|info}).
 * Its settings records ({@code @ConfigurationProperties} in {@code dev.warden.app}) are found by
 * scanning, as the sides find theirs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import({Keys.class, CommandSide.class, QuerySide.class})
public class WardenApplication {

    public static void main(String[] args) {
        // The framework's update check phones home; a control plane must not.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        OptionalInt command = CommandLine.run(args);
        if (command.isPresent()) {
            System.exit(command.getAsInt());
        }
        SpringApplication application = new SpringApplication(WardenApplication.class);
        application.addListeners(new StartupPreflight());
        application.run(args);
    }
}
