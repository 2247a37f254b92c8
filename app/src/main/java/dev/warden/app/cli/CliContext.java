package dev.warden.app.cli;

import dev.warden.app.WardenApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The service's context for a CLI command: no web server, quiet logs, on the database the service would use. */
final class CliContext {

    private CliContext() {
    }

    /** A context running {@code roles}, applying pending migrations when {@code migrate}. */
    static ConfigurableApplicationContext start(String roles, boolean migrate) {
        SpringApplication application = new SpringApplication(WardenApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(
                "--warden.roles=" + roles, "--warden.seed.on-start=false", "--spring.main.banner-mode=off",
                "--spring.flyway.enabled=" + migrate, "--logging.level.root=WARN", "--logging.level.dev.warden=WARN",
                // A failed start is reported in one line; Spring's own report is a page that blames DATABASE_URL.
                "--logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF",
                "--logging.level.org.springframework.boot.SpringApplication=OFF",
                "--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
    }

    /** The message of {@code e}'s innermost cause, for the one line a failed command prints. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
