package dev.warden.app.credentials;

import static dev.warden.app.credentials.CredentialFixtures.SECRET_ACCESS_KEY;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ciphertext changed in the log behind Warden's back is refused, not decrypted into garbage: a
 * flipped byte, and a ciphertext copied from another credential (its associated data names the
 * other credential). The refusal records no reveal and quotes no secret. The test changes the log
 * as an attacker with database access would (the append-only trigger set aside in its transaction),
 * and empties the aggregate cache as a restart would.
 */
@WardenTest
class CredentialTamperIT {

    private static final String CIPHERTEXT = "{secrets,secret_access_key,ciphertext}";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Cache aggregateCache;

    @Value("${warden.snapshots.every}")
    int every;

    @Test
    void aChangedByteIsRefused() throws SQLException {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String id = CredentialFixtures.storeAws(admin, orgId).id();
        byte[] ciphertext = Base64.getDecoder().decode(ciphertext(id));
        ciphertext[ciphertext.length / 2] ^= 0x01;
        rewrite(id, Base64.getEncoder().encodeToString(ciphertext));

        Api.Response refused = admin.post("/api/orgs/" + orgId + "/credentials/" + id + "/reveal", null);
        assertProblem(refused, 409, "CIPHERTEXT_REFUSED");
        assertThat(refused.body()).doesNotContain(SECRET_ACCESS_KEY);
        assertThat(reveals(id)).as("a refused reveal is not recorded").isZero();
    }

    @Test
    void aCiphertextCopiedFromAnotherCredentialIsRefused() throws SQLException {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String source = CredentialFixtures.storeAws(admin, orgId).id();
        String target = admin.post("/api/orgs/" + orgId + "/credentials", CredentialFixtures.awsBody(
                "AKIAI44QH8DHBEXAMPLE", "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy")).id();
        rewrite(target, ciphertext(source));

        assertProblem(admin.post("/api/orgs/" + orgId + "/credentials/" + target + "/reveal", null), 409,
                "CIPHERTEXT_REFUSED");
        assertThat(reveals(target)).isZero();
        assertThat(admin.post("/api/orgs/" + orgId + "/credentials/" + source + "/reveal", null).json()
                .get("values").get("secret_access_key").asString()).as("the source still opens")
                .isEqualTo(SECRET_ACCESS_KEY);
    }

    @Test
    void aCredentialRestoredFromItsSnapshotStillReveals() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        String id = CredentialFixtures.storeAws(admin, orgId).id();
        for (int i = 0; i <= every; i++) {
            assertThat(admin.post("/api/orgs/" + orgId + "/credentials/" + id + "/reveal", null).status())
                    .isEqualTo(200);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?").param(id)
                .query(Long.class).single() > 0);
        aggregateCache.removeAll();
        assertThat(admin.post("/api/orgs/" + orgId + "/credentials/" + id + "/reveal", null).json()
                .get("values").get("secret_access_key").asString()).isEqualTo(SECRET_ACCESS_KEY);
    }

    private String ciphertext(String credentialId) {
        return jdbc.sql("SELECT payload #>> '" + CIPHERTEXT + "' FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(credentialId).query(String.class).single();
    }

    private long reveals(String credentialId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%CredentialRevealedEvent'")
                .param(credentialId).query(Long.class).single();
    }

    /** Sets the stored event's secret_access_key ciphertext to {@code ciphertext}, as an intruder would. */
    private void rewrite(String credentialId, String ciphertext) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement update = connection.prepareStatement("UPDATE domain_event_entry SET payload = "
                         + "jsonb_set(payload, '" + CIPHERTEXT + "', to_jsonb(?::text))"
                         + " WHERE aggregate_identifier = ? AND sequence_number = 0")) {
                statement.execute("SET LOCAL session_replication_role = replica");
                update.setString(1, ciphertext);
                update.setString(2, credentialId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        } finally {
            aggregateCache.removeAll();
        }
    }
}
