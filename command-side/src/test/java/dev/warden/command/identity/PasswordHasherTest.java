package dev.warden.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy, and Argon2id hashing (slow on purpose, so only a few hashes here). */
class PasswordHasherTest {

    private static final String EMAIL = "alice@example.com";

    private final PasswordHasher hasher = IdentityTestData.hasher();

    private static void assertRefused(Runnable check, String message) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(IdentityErrorCode.INVALID_PASSWORD))
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse", "Tr0ub4dor&3xyz", "ünïcödé pässwörd", "12 characters"})
    void acceptsReasonablePasswords(String password) {
        assertThatCode(() -> hasher.requireAcceptable(password, EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheShortestAndLongestAllowed() {
        assertThatCode(() -> hasher.requireAcceptable("abcdefghijkl", EMAIL)).doesNotThrowAnyException();
        assertThatCode(() -> hasher.requireAcceptable("abcde".repeat(25) + "xyz", EMAIL)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullSource
    void requiresAPassword(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL), "A password is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdefghijk", "short pass"})
    void refusesTooShort(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL), "A password has 12 to 128 characters");
    }

    @Test
    void refusesTooLong() {
        assertRefused(() -> hasher.requireAcceptable("abcde".repeat(25) + "wxyz", EMAIL),
                "A password has 12 to 128 characters");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but eleven characters.
        assertRefused(() -> hasher.requireAcceptable("😀😁😂🤣😃😄😅😆😉😊😋", EMAIL),
                "A password has 12 to 128 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse\n", "correct\thorse battery", "correct horse\u0000battery",
            "correct horse\u007Fbattery"})
    void refusesControlCharacters(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL), "A password has no control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery\uD800", "\uDC00correct horse battery", "correct \uD800horse"})
    void refusesLoneSurrogates(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL),
                "A password has no lone surrogates (half of a character)");
        assertThat(hasher.matches(password, hasher.hash("correct horse battery"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "abcdabcdabcdabcd"})
    void refusesTooFewDistinctCharacters(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL),
                "A password needs at least 5 different characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {EMAIL, "ALICE@example.COM", " alice@example.com "})
    void refusesTheEmailAddress(String password) {
        assertRefused(() -> hasher.requireAcceptable(password, EMAIL), "A password must not be the email address");
    }

    @Test
    void hashesAreSaltedArgon2idAndMatchOnlyTheirPassword() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");

        assertThat(first).startsWith("$argon2id$").doesNotContain("correct horse").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery staple", first)).isTrue();
        assertThat(hasher.matches("correct horse battery staple", second)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", first)).isFalse();
    }

    @Test
    void nothingMatchesAMissingHashOrAMissingPassword() {
        assertThat(hasher.matches("correct horse battery staple", null)).isFalse();
        assertThat(hasher.matches(null, "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA")).isFalse();
    }

    @Test
    void refusesToSpendTimeOnAbsurdlyLongInput() {
        assertThat(hasher.matches("x".repeat(PasswordHasher.MAX_LENGTH * 4 + 1), "$argon2id$whatever")).isFalse();
    }
}
