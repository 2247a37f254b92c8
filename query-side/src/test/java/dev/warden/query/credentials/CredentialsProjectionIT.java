package dev.warden.query.credentials;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.credentials.CredentialDestroyedEvent;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.CredentialRevealedEvent;
import dev.warden.events.credentials.CredentialRevokedEvent;
import dev.warden.events.credentials.CredentialRotatedEvent;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.CredentialTypeCreatedEvent;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.shared.IdKind;
import dev.warden.query.credentials.CredentialQueries.Table;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credentials projections against the real schema: every event lands, each handled a second
 * time changes nothing, no ciphertext reaches a row, a destroyed credential loses its masks, and
 * the reads see only the organization's rows (and the system's types).
 */
class CredentialsProjectionIT {

    private static final PageRequest FIRST = PageRequest.of(100, null);
    private static final List<CredentialField> FIELDS = List.of(new CredentialField("token", true, true, "t_.*"),
            new CredentialField("owner", false, false, null));

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final CredentialTypeProjection types = ReadModelDatabase.bean(CredentialTypeProjection.class);
    private final CredentialProjection credentials = ReadModelDatabase.bean(CredentialProjection.class);
    private final CredentialQueries queries = ReadModelDatabase.bean(CredentialQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String otherOrg = IdKind.ORGANIZATION.next();

    @Test
    void typesLandOnceAndAnOrganizationSeesItsOwnAndTheSystems() {
        String own = IdKind.CREDENTIAL_TYPE.next();
        String system = IdKind.CREDENTIAL_TYPE.next();
        String theirs = IdKind.CREDENTIAL_TYPE.next();
        twice(own, "credential_type", logged -> types.on(new CredentialTypeCreatedEvent(own, orgId, "GitHub", null, "",
                FIELDS), logged, "usr_creator"));
        types.on(new CredentialTypeCreatedEvent(system, null, "Cloud", "aws", "Seeded", FIELDS), next(at), "system");
        types.on(new CredentialTypeCreatedEvent(theirs, otherOrg, "Theirs", null, "", FIELDS), next(at), "usr_b");

        assertThat(queries.type(orgId, own).orElseThrow()).isEqualTo(new CredentialTypeView(own, orgId, false, "GitHub",
                null, "", FIELDS, "usr_creator", at));
        assertThat(queries.type(orgId, system).orElseThrow().system()).isTrue();
        assertThat(queries.type(orgId, theirs)).isEmpty();
        assertThat(queries.types(orgId, FIRST).items()).extracting(CredentialTypeView::id).contains(own, system)
                .doesNotContain(theirs);
    }

    @Test
    void everyCredentialEventLandsOnceAndTwiceChangesNothing() {
        String id = IdKind.CREDENTIAL.next();
        String typeId = IdKind.CREDENTIAL_TYPE.next();
        twice(id, "cloud_provider_credentials", logged -> credentials.on(new CredentialStoredEvent(id, orgId,
                CredentialKind.CLOUD, typeId, "aws", "Deployer", "", Map.of("owner", "acme"),
                Map.of("token", seal(id, 1, "t_abcdefghijklmnwxyz"))), logged, "usr_creator"));
        CredentialView stored = queries.credential(Table.CLOUD, orgId, id).orElseThrow();
        assertThat(stored.fields()).isEqualTo(Map.of("owner", new FieldView(false, "acme"),
                "token", new FieldView(true, "t_ab****wxyz")));
        assertThat(stored.provider()).isEqualTo("aws");
        assertThat(stored.status()).isEqualTo("active");
        assertThat(stored.createdBy()).isEqualTo("usr_creator");
        assertThat(row("cloud_provider_credentials", id).toString()).doesNotContain("cdefghijklmn")
                .doesNotContain(seal(id, 1, "t_abcdefghijklmnwxyz").ciphertext().substring(0, 12));

        twice(id, "cloud_provider_credentials", logged -> credentials.on(new CredentialRotatedEvent(id, orgId, 2,
                Map.of(), Map.of("token", seal(id, 2, "short"))), logged, "usr_rotator"));
        twice(id, "cloud_provider_credentials", logged -> credentials.on(new CredentialRevealedEvent(id, orgId, 2),
                logged, "usr_revealer"));
        CredentialView revealed = queries.credential(Table.CLOUD, orgId, id).orElseThrow();
        assertThat(revealed.version()).isEqualTo(2);
        assertThat(revealed.rotatedBy()).isEqualTo("usr_rotator");
        assertThat(revealed.fields()).isEqualTo(Map.of("token", new FieldView(true, "****")));
        assertThat(revealed.lastRevealedBy()).isEqualTo("usr_revealer");
        assertThat(revealed.lastRevealedVersion()).isEqualTo(2);
        assertThat(revealed.lastRevealedAt()).isEqualTo(at);

        twice(id, "cloud_provider_credentials", logged -> credentials.on(new CredentialRevokedEvent(id, orgId, 2),
                logged, "usr_revoker"));
        assertThat(queries.credential(Table.CLOUD, orgId, id).orElseThrow().status()).isEqualTo("revoked");
        twice(id, "cloud_provider_credentials", logged -> credentials.on(new CredentialDestroyedEvent(id, orgId),
                logged, "usr_shredder"));
        CredentialView destroyed = queries.credential(Table.CLOUD, orgId, id).orElseThrow();
        assertThat(destroyed.status()).isEqualTo("destroyed");
        assertThat(destroyed.secretErased()).isTrue();
        assertThat(destroyed.fields()).isEmpty();
        assertThat(destroyed.destroyedBy()).isEqualTo("usr_shredder");
        assertThat(destroyed.revokedBy()).isEqualTo("usr_revoker");
        assertThat(queries.credential(Table.CLOUD, otherOrg, id)).isEmpty();
        assertThat(queries.credential(Table.APP, orgId, id)).isEmpty();
    }

    @Test
    void appCredentialsLandInTheirOwnTableAndListNewestFirst() {
        String older = IdKind.APP_CREDENTIAL.next();
        String newer = IdKind.APP_CREDENTIAL.next();
        String typeId = IdKind.CREDENTIAL_TYPE.next();
        for (String id : List.of(older, newer)) {
            credentials.on(new CredentialStoredEvent(id, orgId, CredentialKind.APP, typeId, null, "App " + id, "",
                    Map.of(), Map.of("token", seal(id, 1, "x"))), next(at.plusSeconds(
                    id.equals(newer) ? 1 : 0)), "usr_creator");
        }
        credentials.on(new CredentialRevokedEvent(older, orgId, 1), next(at), "usr_revoker");
        assertThat(queries.credentials(Table.APP, orgId, FIRST).items()).extracting(CredentialView::id)
                .containsExactly(newer, older);
        assertThat(queries.credential(Table.APP, orgId, older).orElseThrow().status()).isEqualTo("revoked");
        assertThat(queries.credential(Table.APP, orgId, newer).orElseThrow().provider()).isNull();
        assertThat(queries.credentials(Table.CLOUD, orgId, FIRST).items()).isEmpty();
        assertThat(queries.credentials(Table.APP, otherOrg, FIRST).items()).isEmpty();
    }

    @Test
    void aShreddedCredentialReplaysWithoutMasksAndAValueThatDoesNotOpenShowsNone() {
        String id = IdKind.CREDENTIAL.next();
        String typeId = IdKind.CREDENTIAL_TYPE.next();
        SealedValue token = seal(id, 1, "t_abcdefghijklmnwxyz");
        ReadModelDatabase.dataKeys().destroy(id);
        credentials.on(new CredentialStoredEvent(id, orgId, CredentialKind.CLOUD, typeId, "aws", "Shredded", "",
                Map.of("owner", "acme"), Map.of("token", token, "moved", seal(IdKind.CREDENTIAL.next(), 1, "abc"))),
                next(at), "usr_creator");

        assertThat(queries.credential(Table.CLOUD, orgId, id).orElseThrow().fields()).isEqualTo(Map.of(
                "owner", new FieldView(false, "acme"), "token", new FieldView(true, null),
                "moved", new FieldView(true, null)));
    }

    @Test
    void masksShowFourAndFourOfLongValuesByCharacterAndNothingOfShortOnes() {
        assertThat(SecretMasks.mask("AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****MPLE");
        assertThat(SecretMasks.mask("fifteen chars!!")).isEqualTo("****");
        assertThat(SecretMasks.mask("a\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"
                + "\uD83D\uDE00\uD83D\uDE00bcdefghi"))
                .isEqualTo("a\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00****fghi");
    }

    /** {@code plaintext} sealed as the command side seals it, under the tests' data keys. */
    private static SealedValue seal(String credentialId, int version, String plaintext) {
        byte[] ciphertext = ReadModelDatabase.dataKeys().encrypt(credentialId, plaintext,
                SealedValue.associatedData(credentialId, version, "token"));
        return new SealedValue(Base64.getEncoder().encodeToString(ciphertext));
    }

    private void twice(String id, String table, Consumer<Logged> handle) {
        Logged logged = next(at);
        handle.accept(logged);
        Map<String, Object> once = row(table, id);
        handle.accept(new Logged(logged.position(), at.plusSeconds(3600)));
        assertThat(row(table, id)).as("%s handled twice", table).isEqualTo(once);
    }

    private Map<String, Object> row(String table, String id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow();
    }
}
