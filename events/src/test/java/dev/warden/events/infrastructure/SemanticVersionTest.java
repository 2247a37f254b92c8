package dev.warden.events.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.shared.DomainException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Semantic versions: what SemVer 2.0.0 accepts, precedence as its section 11 defines it, and the
 * sort key the registry's SQL orders by, which must put versions in exactly that order.
 */
class SemanticVersionTest {

    /** Ascending precedence; the pre-release examples of the specification among them. */
    private static final List<String> ASCENDING = List.of(
            "0.0.1", "0.1.0", "1.0.0-0", "1.0.0-2", "1.0.0-10", "1.0.0-99999999999999999999",
            "1.0.0-100000000000000000000", "1.0.0-A", "1.0.0-a", "1.0.0-a-b", "1.0.0-alpha", "1.0.0-alpha.1",
            "1.0.0-alpha.9", "1.0.0-alpha.10", "1.0.0-alpha.beta", "1.0.0-alpha.beta.1", "1.0.0-beta",
            "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.9.0", "1.10.0-rc.1",
            "1.10.0-rc.1.x", "1.10.0", "2.0.0", "10.0.0", "18446744073709551616.0.0");

    /** The order the registry's SQL reads: numbers, then releases above pre-releases, then the key as bytes. */
    private static final Comparator<SemanticVersion> BY_SORT_KEY = Comparator
            .comparing(SemanticVersion::major)
            .thenComparing(SemanticVersion::minor)
            .thenComparing(SemanticVersion::patch)
            .thenComparing(SemanticVersion::isRelease)
            .thenComparing(SemanticVersion::preReleaseKey);

    @Test
    void precedenceIsTheOrderOfTheSpecification() {
        List<SemanticVersion> shuffled = shuffled(ASCENDING);

        assertThat(shuffled.stream().sorted().map(SemanticVersion::toString).toList()).isEqualTo(ASCENDING);
    }

    @Test
    void sortKeyOrdersExactlyAsPrecedence() {
        List<SemanticVersion> shuffled = shuffled(ASCENDING);

        assertThat(shuffled.stream().sorted(BY_SORT_KEY).map(SemanticVersion::toString).toList())
                .isEqualTo(ASCENDING);
    }

    @Test
    void sortKeyAgreesWithPrecedenceForRandomVersions() {
        Random random = new Random(11);
        List<SemanticVersion> versions = new ArrayList<>();
        String[] words = {"alpha", "beta", "rc", "a", "b-1", "x", "0a", "Z"};
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder(random.nextInt(3) + "." + random.nextInt(3) + "." + random.nextInt(2));
            int identifiers = random.nextInt(4);
            for (int j = 0; j < identifiers; j++) {
                text.append(j == 0 ? '-' : '.');
                text.append(random.nextBoolean() ? Integer.toString(random.nextInt(12)) : words[random.nextInt(words.length)]);
            }
            versions.add(SemanticVersion.require(text.toString()));
        }
        for (SemanticVersion a : versions) {
            for (SemanticVersion b : versions) {
                assertThat(Integer.signum(BY_SORT_KEY.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    @Test
    void buildMetadataDoesNotChangePrecedence() {
        SemanticVersion a = SemanticVersion.require("1.0.0-rc.1+build.5");
        SemanticVersion b = SemanticVersion.require("1.0.0-rc.1+sha.0f3a");
        SemanticVersion none = SemanticVersion.require("1.0.0-rc.1");

        assertThat(a.compareTo(b)).isZero();
        assertThat(a.compareTo(none)).isZero();
        assertThat(a.precedence()).isEqualTo(b.precedence()).isEqualTo("1.0.0-rc.1");
        assertThat(a.preReleaseKey()).isEqualTo(b.preReleaseKey());
        assertThat(a.toString()).isEqualTo("1.0.0-rc.1+build.5");
        assertThat(a.build()).isEqualTo("build.5");
        assertThat(SemanticVersion.require("1.0.0+20260101").isRelease()).isTrue();
    }

    @Test
    void sortKeyOfPreReleaseIdentifiers() {
        assertThat(SemanticVersion.require("1.0.0").preReleaseKey()).isEmpty();
        assertThat(SemanticVersion.require("1.0.0-rc.12").preReleaseKey()).isEqualTo("1rc!000212!");
        assertThat(SemanticVersion.require("1.0.0-0.a-b").preReleaseKey()).isEqualTo("00010!1a-b!");
    }

    @Test
    void partsAreNumbersOfAnySize() {
        SemanticVersion version = SemanticVersion.require("18446744073709551616.2.3-4");

        assertThat(version.major()).isEqualTo(new BigInteger("18446744073709551616"));
        assertThat(version.minor()).isEqualTo(BigInteger.TWO);
        assertThat(version.patch()).isEqualTo(BigInteger.valueOf(3));
        assertThat(version.preRelease()).containsExactly("4");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "1", "1.0", "v1.0.0", "1.0.0.0", "01.0.0", "1.01.0", "1.0.00", "1.0.0-", "1.0.0+",
            "1.0.0-01", "1.0.0-a..b", "1.0.0-a_b", "1.0.0+a+b", " 1.0.0", "1.0.0 ", "1.0.0-é", "-1.0.0",
            "1.0.0\n"})
    void refusesWhatIsNotASemanticVersion(String text) {
        assertThat(SemanticVersion.parse(text)).isEmpty();
        assertThatThrownBy(() -> SemanticVersion.require(text))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ModuleErrorCode.INVALID_MODULE_VERSION));
    }

    @Test
    void refusesVersionsLongerThanTheLimit() {
        String longest = "1.0.0-" + "a".repeat(SemanticVersion.MAX_LENGTH - 6);

        assertThat(SemanticVersion.parse(longest)).isPresent();
        assertThat(SemanticVersion.parse(longest + "a")).isEmpty();
    }

    private static List<SemanticVersion> shuffled(List<String> texts) {
        List<SemanticVersion> versions = new ArrayList<>(texts.stream().map(SemanticVersion::require).toList());
        Collections.shuffle(versions, new Random(42));
        return versions;
    }
}
