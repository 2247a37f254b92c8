package dev.warden.app.support;

import dev.warden.testdatabase.TestDatabase;
import java.net.URI;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Like {@link TestDatabaseInitializer}, with a database of its own on the test JVM's PostgreSQL,
 * reached through a {@link DatabaseProxy}: the limited instance neither competes with the shared one
 * for the projections nor takes it down with an outage.
 */
public class LimitedWardenInitializer extends TestDatabaseInitializer {

    private static final String PURPOSE = "limited";

    private static DatabaseProxy proxy;

    /** The proxy between the limited instance and its database. */
    public static synchronized DatabaseProxy database() {
        if (proxy == null) {
            URI url = URI.create(TestDatabase.url(PURPOSE));
            proxy = DatabaseProxy.to(url.getHost(), url.getPort() == -1 ? 5432 : url.getPort());
        }
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        URI url = URI.create(TestDatabase.url(PURPOSE));
        String proxied = url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
                + "localhost:" + database().port() + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        TestPropertyValues.of("warden.database.url=" + proxied).applyTo(context.getEnvironment());
    }
}
