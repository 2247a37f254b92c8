package dev.warden.app.support;

import dev.warden.testdatabase.TestDatabase;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the service under test at the test JVM's database (with a test master key), bootstraps the tests' first Admin, and
 * turns on the check that no unit of work takes a second connection. The context is closed before
 * the database stops when the JVM exits.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The tests' master key (32 bytes in base64); a test database holds nothing worth a real one. */
    public static final String MASTER_KEY = "dGVzdHMtbWFzdGVyLWtleS0zMi1ieXRlcy1sb25nISE=";

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("warden.database.url=" + TestDatabase.url(), "warden.database.ssl=disable",
                        "warden.bootstrap.admin-email=" + Api.ADMIN_EMAIL,
                        "warden.bootstrap.admin-password=" + Api.ADMIN_PASSWORD,
                        "warden.due-commands.poll-interval=1s", "warden.keys.master-key=" + MASTER_KEY, "warden.database.connection-guard=true")
                .applyTo(context.getEnvironment());
        TestDatabase.closeBeforeStopping(context);
    }
}
