package dev.warden.app.identity;

import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.command.identity.PersonalDataUpgrade;
import dev.warden.command.identity.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data at rest: TOTP secrets encrypted (and sign-in with a code still works), email claims by
 * keyed hash (case ignored, one winner among concurrent claims), and rows from before the change
 * (plaintext TOTP secrets, plaintext email and external-account claims) upgraded by the start-up step, once.
 */
@WardenTest
class PersonalDataAtRestIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataUpgrade upgrade;

    @Test
    void totpSecretIsEncryptedAtRestAndSignInWithACodeWorks() {
        Api admin = Api.admin(port);
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, Fixtures.organization(admin).id());
        String secret = enrolAndConfirm(user);

        Map<String, Object> row = jdbc.sql("SELECT secret, encrypted_secret FROM user_totp WHERE user_id = ?")
                .param(user.userId()).query().singleRow();
        assertThat(row.get("secret")).as("no plaintext column value").isNull();
        assertThat(new String((byte[]) row.get("encrypted_secret"), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        signInWithCode(admin, user, secret, 2);
    }

    @Test
    void rowsFromBeforeAreUpgradedOnceAtStart() {
        Api admin = Api.admin(port);
        Fixtures.SignedIn user = Fixtures.signedInUser(admin, Fixtures.organization(admin).id());
        String secret = enrolAndConfirm(user);
        jdbc.sql("UPDATE user_totp SET secret = ?, encrypted_secret = NULL WHERE user_id = ?")
                .params(secret, user.userId()).update();
        jdbc.sql("DELETE FROM command_unique_names WHERE scope = 'user-email-hash' AND owner_id = ?")
                .param(user.userId()).update();
        jdbc.sql("INSERT INTO command_unique_names (scope, key, owner_id) VALUES ('user-email', ?, ?)")
                .params(user.email().toLowerCase(), user.userId()).update();
        String accountOwner = "acc_legacy" + Fixtures.unique();
        jdbc.sql("INSERT INTO command_unique_names (scope, key, owner_id) VALUES ('external-account', ?, ?)")
                .params("github:" + user.email(), accountOwner).update();
        assertProblem(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD)), 401, "INVALID_CREDENTIALS");

        upgrade.afterSingletonsInstantiated();
        upgrade.afterSingletonsInstantiated();

        assertThat(jdbc.sql("SELECT count(*) FROM command_unique_names WHERE scope = 'user-email'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM command_unique_names WHERE scope = 'user-email-hash' AND owner_id = ?")
                .param(user.userId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM user_totp WHERE secret IS NOT NULL").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT key FROM command_unique_names WHERE scope = 'external-account' AND owner_id = ?")
                .param(accountOwner).query(String.class).list()).as("an external account's claim by keyed hash")
                .singleElement().asString().matches("[0-9a-f]{64}");
        signInWithCode(admin, user, secret, 3);
    }

    @Test
    void concurrentClaimsOfOneEmailInAnyCaseHaveOneWinner() {
        Api admin = Api.admin(port);
        String orgId = Fixtures.organization(admin).id();
        for (int round = 0; round < 5; round++) {
            String local = "race-" + Fixtures.unique();
            List<CompletableFuture<Api.Response>> racers = List.of(local + "@example.com",
                            local.toUpperCase() + "@EXAMPLE.com", " " + local + "@Example.Com ").stream()
                    .map(email -> CompletableFuture.supplyAsync(() -> admin.post("/api/orgs/" + orgId + "/users",
                            Json.object("email", email, "displayName", "Racer", "password", Api.USER_PASSWORD))))
                    .toList();
            List<Api.Response> answers = racers.stream().map(CompletableFuture::join).toList();
            assertThat(answers.stream().filter(a -> a.status() == 201)).as(answers.toString()).hasSize(1);
            answers.stream().filter(a -> a.status() != 201)
                    .forEach(a -> assertProblem(a, 409, "EMAIL_TAKEN"));
        }
    }

    private static String enrolAndConfirm(Fixtures.SignedIn user) {
        Api.Response enrolment = user.api().post("/api/me/totp", null);
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(201);
        String secret = enrolment.json().get("secret").asString();
        Api.Response confirmed = user.api().post("/api/me/totp/confirm",
                Json.object("code", Totp.code(secret, Totp.step(Instant.now()))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return secret;
    }

    private static void signInWithCode(Api admin, Fixtures.SignedIn user, String secret, int stepsAhead) {
        assertProblem(admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD)), 401, "SECOND_FACTOR_REQUIRED");
        Api.Response signedIn = admin.anonymous().post("/api/sessions", Json.object("email", user.email(),
                "password", Api.USER_PASSWORD, "totpCode", Totp.code(secret, Totp.step(Instant.now()) + 1)));
        assertThat(signedIn.status()).as(signedIn.body() + " (" + stepsAhead + ")").isEqualTo(201);
    }
}
