package dev.warden.command.identity;

import dev.warden.command.support.Secrets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secret material of users, kept outside the log on purpose: password hashes and TOTP secrets. The
 * log only records that they changed, so erasing a user's secrets never means rewriting history,
 * and a copy of the log gives an attacker nothing to crack. TOTP secrets are encrypted under their
 * user's data key, so erasing the user makes them unreadable too. Writes happen in the command's
 * transaction, together with the event that records the change.
 */
@Component
public class Credentials {

    /** The field a TOTP secret is bound to under its user's data key. */
    static final String TOTP_FIELD = "totp-secret";

    private final JdbcClient jdbc;
    private final PersonalData personal;

    Credentials(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    public void savePassword(String userId, String hash) {
        jdbc.sql("""
                        INSERT INTO user_passwords (user_id, hash, changed_at) VALUES (?, ?, now())
                        ON CONFLICT (user_id) DO UPDATE SET hash = EXCLUDED.hash, changed_at = EXCLUDED.changed_at""")
                .params(userId, hash)
                .update();
    }

    public Optional<String> passwordHash(String userId) {
        return jdbc.sql("SELECT hash FROM user_passwords WHERE user_id = ?").param(userId).query(String.class)
                .optional();
    }

    public void removePassword(String userId) {
        jdbc.sql("DELETE FROM user_passwords WHERE user_id = ?").param(userId).update();
    }

    /** Starts (or restarts) a TOTP enrolment with a new, unconfirmed secret, encrypted under the user's data key. */
    public void saveTotpSecret(String userId, String secret) {
        jdbc.sql("""
                        INSERT INTO user_totp (user_id, secret, encrypted_secret, confirmed, last_used_step, created_at)
                        VALUES (?, NULL, ?, false, 0, now())
                        ON CONFLICT (user_id) DO UPDATE SET secret = NULL, encrypted_secret = EXCLUDED.encrypted_secret,
                            confirmed = false, last_used_step = 0, created_at = EXCLUDED.created_at""")
                .params(userId, personal.encrypt(userId, TOTP_FIELD, secret))
                .update();
    }

    /** The user's TOTP secret; empty when there is none, or when it can no longer be read (the user was erased). */
    public Optional<TotpSecret> totp(String userId) {
        return jdbc.sql("SELECT secret, encrypted_secret, confirmed, last_used_step FROM user_totp WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> {
                    byte[] encrypted = rs.getBytes(2);
                    Optional<String> secret = encrypted == null ? Optional.ofNullable(rs.getString(1))
                            : personal.decrypt(userId, TOTP_FIELD, encrypted);
                    boolean confirmed = rs.getBoolean(3);
                    long lastUsedStep = rs.getLong(4);
                    return secret.map(s -> new TotpSecret(s, confirmed, lastUsedStep));
                })
                .optional()
                .flatMap(s -> s);
    }

    /**
     * Records that the code of time step {@code step} was used; answers {@code false} when that step
     * (or a later one) was used before, which stops a code from being replayed.
     */
    public boolean useTotpStep(String userId, long step) {
        return jdbc.sql("UPDATE user_totp SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?")
                .params(step, userId, step)
                .update() == 1;
    }

    /**
     * Uses a TOTP code: {@code true} when it is the code of the user's secret within one step of
     * {@code now} and that step was not used before.
     */
    boolean useTotpCode(String userId, String code, Instant now) {
        Optional<TotpSecret> secret = totp(userId);
        if (secret.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secret.get().secret(), code, now);
        return step.isPresent() && useTotpStep(userId, step.getAsLong());
    }

    public void confirmTotp(String userId) {
        jdbc.sql("UPDATE user_totp SET confirmed = true WHERE user_id = ?").param(userId).update();
    }

    public void removeTotp(String userId) {
        jdbc.sql("DELETE FROM user_totp WHERE user_id = ?").param(userId).update();
    }

    /** The key failed sign-ins with an email are counted under: a hash of the email's keyed hash. */
    static String signInKey(String emailHash) {
        return Secrets.sha256("sign-in:" + emailHash);
    }

    /** The throttle state of one sign-in key (a hash of the email). */
    public Optional<Attempts> attempts(String key) {
        return jdbc.sql("SELECT failures, last_failure_at, locked_until FROM sign_in_attempts WHERE key = ?")
                .param(key)
                .query((rs, n) -> new Attempts(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public void saveAttempts(String key, Attempts attempts) {
        jdbc.sql("""
                        INSERT INTO sign_in_attempts (key, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures,
                            last_failure_at = EXCLUDED.last_failure_at, locked_until = EXCLUDED.locked_until""")
                .params(key, attempts.failures(), Timestamp.from(attempts.lastFailureAt()),
                        attempts.lockedUntil() == null ? null : Timestamp.from(attempts.lockedUntil()))
                .update();
    }

    public void clearAttempts(String key) {
        jdbc.sql("DELETE FROM sign_in_attempts WHERE key = ?").param(key).update();
    }

    /** A TOTP secret (base32) and whether its enrolment was confirmed. */
    public record TotpSecret(String secret, boolean confirmed, long lastUsedStep) {

        @Override
        public String toString() {
            return "TotpSecret[confirmed=" + confirmed + "]";
        }
    }

    /** Failed sign-ins in a row, the last one, and the end of a lockout if one is on. */
    public record Attempts(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }
}
