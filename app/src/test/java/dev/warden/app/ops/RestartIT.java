package dev.warden.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.WardenApplication;
import dev.warden.app.support.Api;
import dev.warden.app.support.Json;
import dev.warden.app.support.TestDatabaseInitializer;
import dev.warden.app.support.WardenTest;
import dev.warden.command.access.SystemSeeder;
import dev.warden.testdatabase.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stopping and starting the service on the same database keeps the data, seeds nothing again and
 * sends no bootstrap command.
 */
@WardenTest
class RestartIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void restartKeepsDataAndDoesNotSeedAgain() {
        String org;
        long eventsAfterFirstStart;
        String token;
        try (ConfigurableApplicationContext first = start()) {
            Api anonymous = new Api(port(first));
            token = anonymous.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
            Api.Response created = anonymous.withToken(token).post("/api/orgs", Json.object("name", "Restart Inc"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            org = created.id();
            eventsAfterFirstStart = eventCount();
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(eventCount()).as("a restart appends no event").isEqualTo(eventsAfterFirstStart);
            assertThat(second.getBean(SystemSeeder.class).seed()).as("seeding again stores nothing").isZero();
            assertThat(eventCount()).isEqualTo(eventsAfterFirstStart);
            Api api = new Api(port(second)).withToken(token);
            assertThat(api.get("/api/me").status()).as("a session outlives a restart").isEqualTo(200);
            assertThat(api.get("/api/orgs/" + org).status()).isEqualTo(200);
            assertThat(api.get("/api/orgs/" + org + "/roles").json().get("items").size())
                    .as("the four system roles are there once").isEqualTo(4);
        }
    }

    @Test
    void aRestartDoesNotCountTheBootstrapAsARejectedCommand() {
        try (ConfigurableApplicationContext restarted = start()) {
            assertThat(restarted.getBean(MeterRegistry.class).find("warden.commands")
                    .tag("command", "BootstrapAdminCommand").timers().stream()
                    .map(timer -> timer.getId().getTag("outcome")))
                    .as("the Admin exists, so no bootstrap command is sent, let alone rejected").isEmpty();
        }
    }

    /** Another instance on the shared database, configured to bootstrap the Admin it already holds. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WardenApplication.class)
                .run("--server.port=0", "--warden.database.url=" + TestDatabase.url(),
                        "--warden.keys.master-key=" + TestDatabaseInitializer.MASTER_KEY,
                        "--warden.database.ssl=disable", "--axoniq.update-checker.disabled=true",
                        "--warden.bootstrap.admin-email=" + Api.ADMIN_EMAIL,
                        "--warden.bootstrap.admin-password=" + Api.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }
}
