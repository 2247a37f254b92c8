package dev.warden.command.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Credentials} in maps, for fixture tests: the same contract as the tables (a TOTP step is
 * used at most once, a new enrolment starts unconfirmed), without a database and without a
 * transaction, so a write made by a command that fails later stays in place.
 */
final class InMemoryCredentials extends Credentials {

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, TotpSecret> totp = new HashMap<>();
    private final Map<String, Attempts> attempts = new HashMap<>();

    InMemoryCredentials() {
        super(null, null);
    }

    @Override
    public void savePassword(String userId, String hash) {
        passwords.put(userId, hash);
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return Optional.ofNullable(passwords.get(userId));
    }

    @Override
    public void removePassword(String userId) {
        passwords.remove(userId);
    }

    @Override
    public void saveTotpSecret(String userId, String secret) {
        totp.put(userId, new TotpSecret(secret, false, 0));
    }

    @Override
    public Optional<TotpSecret> totp(String userId) {
        return Optional.ofNullable(totp.get(userId));
    }

    @Override
    public boolean useTotpStep(String userId, long step) {
        TotpSecret current = totp.get(userId);
        if (current == null || current.lastUsedStep() >= step) {
            return false;
        }
        totp.put(userId, new TotpSecret(current.secret(), current.confirmed(), step));
        return true;
    }

    @Override
    public void confirmTotp(String userId) {
        TotpSecret current = totp.get(userId);
        if (current != null) {
            totp.put(userId, new TotpSecret(current.secret(), true, current.lastUsedStep()));
        }
    }

    @Override
    public void removeTotp(String userId) {
        totp.remove(userId);
    }

    @Override
    public Optional<Attempts> attempts(String key) {
        return Optional.ofNullable(attempts.get(key));
    }

    @Override
    public void saveAttempts(String key, Attempts value) {
        attempts.put(key, value);
    }

    @Override
    public void clearAttempts(String key) {
        attempts.remove(key);
    }

    /** Every throttle state kept, by key. */
    Map<String, Attempts> allAttempts() {
        return Map.copyOf(attempts);
    }
}
