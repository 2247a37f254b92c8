package dev.warden.command.identity;

import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password policy and Argon2id hashing (16 MiB, 2 passes, 16-byte salt). Unknown emails are checked
 * against a dummy hash, so a sign-in costs the same whether the email exists or not.
 */
@Component
public class PasswordHasher {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final String dummy = encoder.encode("not a password of anyone, only spends the time");

    /**
     * Checks the policy: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, no control characters
     * or lone surrogates, more than a few distinct characters, not the email.
     */
    public void requireAcceptable(String password, String email) {
        requirePolicy(password, email);
    }

    /** The policy check of {@link #requireAcceptable}, without a hasher (for start-up checks). */
    public static void requirePolicy(String password, String email) {
        if (password == null) {
            throw refused("A password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw refused("A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw refused("A password has no control characters");
        }
        if (Text.hasLoneSurrogate(password)) {
            throw refused("A password has no lone surrogates (half of a character)");
        }
        if (password.codePoints().distinct().count() < 5) {
            throw refused("A password needs at least 5 different characters");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            throw refused("A password must not be the email address");
        }
    }

    /** The Argon2id hash of {@code password} (salted; differs on every call). */
    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; with no hash, spends the same time and answers false. */
    public boolean matches(String password, String hash) {
        // A lone surrogate has no UTF-8 form to hash; no stored password can hold one.
        if (password == null || password.length() > MAX_LENGTH * 4 || Text.hasLoneSurrogate(password)) {
            encoder.matches("", dummy);
            return false;
        }
        if (hash == null) {
            encoder.matches(password, dummy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    private static DomainException refused(String message) {
        return new DomainException(IdentityErrorCode.INVALID_PASSWORD, message);
    }
}
