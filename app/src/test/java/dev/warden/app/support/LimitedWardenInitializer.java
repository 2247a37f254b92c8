package dev.warden.app.support;

import java.net.URI;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/** Like {@link TestDatabaseInitializer}, with the database reached through a {@link DatabaseProxy}. */
public class LimitedWardenInitializer extends TestDatabaseInitializer {

    private static DatabaseProxy proxy;

    /** The proxy between the limited instance and the test database. */
    public static synchronized DatabaseProxy database() {
        if (proxy == null) {
            URI url = URI.create(TestDatabase.url());
            proxy = DatabaseProxy.to(url.getHost(), url.getPort());
        }
        return proxy;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        URI url = URI.create(TestDatabase.url());
        String proxied = url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@")
                + "localhost:" + database().port() + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        TestPropertyValues.of("warden.database.url=" + proxied).applyTo(context.getEnvironment());
    }
}
