package dev.warden.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    /** Base32 of the ASCII "12345678901234567890", the SHA-1 secret of RFC 6238's test vectors. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** RFC 6238, appendix B, SHA-1 column, cut to the 6 digits authenticator apps show. */
    @ParameterizedTest
    @CsvSource({
            "59, 1, 287082",
            "1111111109, 37037036, 081804",
            "1111111111, 37037037, 050471",
            "1234567890, 41152263, 005924",
            "2000000000, 66666666, 279037",
            "20000000000, 666666666, 353130"})
    void matchesTheTestVectorsOfRfc6238(long epochSecond, long step, String code) {
        Instant at = Instant.ofEpochSecond(epochSecond);

        assertThat(Totp.step(at)).isEqualTo(step);
        assertThat(Totp.code(RFC_SECRET, step)).isEqualTo(code);
        assertThat(Totp.matchingStep(RFC_SECRET, code, at)).hasValue(step);
    }

    @Test
    void acceptsTheStepsNextToNowForClockSkew() {
        Instant at = Instant.ofEpochSecond(1111111109);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, 37037035), at)).hasValue(37037035);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, 37037037), at)).hasValue(37037037);
    }

    @Test
    void rejectsCodesTwoStepsAway() {
        Instant at = Instant.ofEpochSecond(1111111109);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, 37037034), at)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, 37037038), at)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "28708", "2870820", "28708a", " 287082", "２８７０８２"})
    void rejectsMalformedCodes(String code) {
        assertThat(Totp.matchingStep(RFC_SECRET, code, Instant.ofEpochSecond(59))).isEmpty();
    }

    @Test
    void newSecretsAre160BitsOfBase32AndDiffer() {
        String one = Totp.newSecret();
        String two = Totp.newSecret();

        assertThat(one).matches("[A-Z2-7]{32}");
        assertThat(two).matches("[A-Z2-7]{32}").isNotEqualTo(one);
    }

    @Test
    void aNewSecretWorksWithItsOwnCodes() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        assertThat(Totp.matchingStep(secret, Totp.code(secret, Totp.step(now)), now)).hasValue(Totp.step(now));
    }

    @Test
    void uriCarriesSecretIssuerAndEncodedAccount() {
        assertThat(Totp.uri(RFC_SECRET, "alice+ops@example.com")).isEqualTo(
                "otpauth://totp/Warden%3Aalice%2Bops%40example.com?secret=" + RFC_SECRET
                        + "&issuer=Warden&algorithm=SHA1&digits=6&period=30");
    }
}
