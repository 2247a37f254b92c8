package dev.warden.events.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule set for text people read, and what an error message may quote of client input. */
class TextRuleTest {

    private static final ErrorCode CODE = new ErrorCode() {
        @Override
        public String name() {
            return "INVALID_THING";
        }

        @Override
        public Kind kind() {
            return Kind.INVALID;
        }
    };
    private static final TextRule NAME = TextRule.line(CODE, "A name", 10);
    private static final TextRule NOTE = TextRule.paragraph(CODE, "A note", 20);

    @Test
    void stripsAndKeepsWhatPeopleWrite() {
        assertThat(NAME.check("  Zoë 🚀 ")).isEqualTo("Zoë 🚀");
        assertThat(NAME.check("مرحبا")).isEqualTo("مرحبا");
        assertThat(NOTE.check("one\n\ttwo")).isEqualTo("one\n\ttwo");
        assertThat(NOTE.check(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u2028", "\u0000", "\u001B", "\u007F",
            "\u0085", "\uD800", "\uDFFF"})
    void refusesInvisibleReorderingAndControlCharactersNamingThem(String character) {
        String code = String.format("U+%04X", (int) character.charAt(0));
        for (TextRule rule : new TextRule[] {NAME, NOTE}) {
            assertThatThrownBy(() -> rule.check("ab" + character + "c"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(CODE))
                    .hasMessageContaining(code);
        }
    }

    @Test
    void lineBreaksBelongToParagraphsOnly() {
        assertThatThrownBy(() -> NAME.check("a\nb")).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> NOTE.check("a\rb")).hasMessageContaining("U+000D");
    }

    @Test
    void refusesEmptyRequiredAndOverlongText() {
        assertThatThrownBy(() -> NAME.check("   ")).hasMessage("A name is required (1 to 10 characters)");
        assertThatThrownBy(() -> NOTE.required().check(null)).hasMessage("A note is required (1 to 20 characters)");
        assertThatThrownBy(() -> NAME.check("x".repeat(11))).hasMessage("A name has at most 10 characters");
    }

    @Test
    void findsLoneSurrogatesButNotPairs() {
        assertThat(Text.hasLoneSurrogate("😀")).isFalse();
        assertThat(Text.hasLoneSurrogate("a\uD83D")).isTrue();
        assertThat(Text.hasLoneSurrogate("\uDE00a")).isTrue();
    }

    @Test
    void anExcerptIsShortAndPlain() {
        assertThat(Text.excerpt("role_abc-DEF_123")).isEqualTo("role_abc-DEF_123");
        assertThat(Text.excerpt("r".repeat(10_000))).isEqualTo("r".repeat(Text.EXCERPT_LENGTH) + "...");
        assertThat(Text.excerpt("<script>\u202E\n\"x\"")).isEqualTo("?script????x?");
        assertThat(Text.excerpt(null)).isEqualTo("null");
    }
}
