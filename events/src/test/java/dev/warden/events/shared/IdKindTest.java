package dev.warden.events.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdKindTest {

    private static final int DRAWS = 10_000;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void newIdMatchesItsOwnKindAndNoOther(IdKind kind) {
        String id = kind.next();

        assertThat(kind.matches(id)).as("%s matches %s", id, kind).isTrue();
        for (IdKind other : IdKind.values()) {
            if (other != kind) {
                assertThat(other.matches(id)).as("%s matches %s", id, other).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void newIdIsPrefixUnderscoreAndTwentyOneUrlSafeCharacters(IdKind kind) {
        String id = kind.next();

        assertThat(id).startsWith(kind.prefix() + "_");
        String tail = id.substring(kind.prefix().length() + 1);
        assertThat(tail).hasSize(21).hasSize(IdKind.TAIL_LENGTH);
        assertThat(tail.chars()).allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    @ParameterizedTest
    @EnumSource(IdKind.class)
    void idsAreDistinctOverManyDraws(IdKind kind) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            ids.add(kind.next());
        }

        assertThat(ids).hasSize(DRAWS);
    }

    @Test
    void tailsUseTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < DRAWS; i++) {
            String id = IdKind.ROLE.next();
            id.substring(IdKind.ROLE.prefix().length() + 1).chars().forEach(c -> seen.add((char) c));
        }

        assertThat(seen).hasSize(ALPHABET.length());
    }

    @Test
    void prefixesAreDistinctLowercaseWords() {
        Set<String> prefixes = Arrays.stream(IdKind.values()).map(IdKind::prefix).collect(Collectors.toSet());

        assertThat(prefixes).hasSize(IdKind.values().length);
        assertThat(prefixes).allMatch(prefix -> prefix.matches("[a-z]{3,4}"));
    }

    @Test
    void rejectsMalformedIds() {
        String tail = "A".repeat(IdKind.TAIL_LENGTH);

        assertThat(IdKind.USER.matches("usr_" + tail)).isTrue();
        assertThat(IdKind.USER.matches(null)).isFalse();
        assertThat(IdKind.USER.matches("")).isFalse();
        assertThat(IdKind.USER.matches("usr_" + tail.substring(1))).isFalse();
        assertThat(IdKind.USER.matches("usr_" + tail + "A")).isFalse();
        assertThat(IdKind.USER.matches("usr_" + tail.substring(1) + "!")).isFalse();
        assertThat(IdKind.USER.matches("usr_" + tail.substring(1) + "=")).isFalse();
        assertThat(IdKind.USER.matches("USR_" + tail)).isFalse();
        assertThat(IdKind.USER.matches("usr-" + tail)).isFalse();
        assertThat(IdKind.USER.matches(" usr_" + tail)).isFalse();
        assertThat(IdKind.USER.matches("usr_" + tail + "\n")).isFalse();
        assertThat(IdKind.USER.matches("org_" + tail)).isFalse();
    }
}
