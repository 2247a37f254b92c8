package dev.warden.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of a second service instance, with small limits and short deadlines (so overload tests
 * take seconds), on a database of its own on the test PostgreSQL, whose connections pass through a
 * {@link DatabaseProxy} the test can cut ({@link LimitedWardenInitializer#database()}). All such
 * tests share that instance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.tomcat.threads.max=40",
        "warden.web.reserved-threads=8",
        "warden.web.max-requests-per-client=10",
        "warden.web.body-timeout=2s",
        "warden.database.pool-size=4",
        "warden.database.connection-timeout=1s",
        "warden.database.health-timeout=1s",
        "warden.query.max-consistency-waiters=8",
        "warden.query.max-consistency-wait=10s"})
@ContextConfiguration(initializers = LimitedWardenInitializer.class)
@Import(TestClock.Config.class)
public @interface LimitedWardenTest {
}
