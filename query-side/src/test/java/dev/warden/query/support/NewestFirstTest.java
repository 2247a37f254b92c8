package dev.warden.query.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

    @Test
    void theFirstPageStartsAtTheTop() {
        NewestFirst start = NewestFirst.of(PageRequest.of(null, null));
        assertThat(start.before()).isNull();
        assertThat(start.id()).isEmpty();
    }

    @Test
    void aKeyReadsBackAsItWasWritten() {
        Instant at = Instant.parse("2026-03-01T10:15:30.123456Z");
        NewestFirst after = NewestFirst.of(PageRequest.of(null, cursor(NewestFirst.key(at, "ses_abc"))));
        assertThat(after).isEqualTo(new NewestFirst(at, "ses_abc"));
    }

    @Test
    void otherCursorsAreRefused() {
        for (String text : new String[] {"ses_abc", " ses_abc", "2026-03-01T10:15:30Z ", "tomorrow ses_abc"}) {
            assertThatThrownBy(() -> NewestFirst.of(PageRequest.of(null, cursor(text))))
                    .as(text).isInstanceOf(InvalidQueryException.class);
        }
    }

    @Test
    void cursorsWithInstantsPostgresCannotHoldAreRefused() {
        for (String text : new String[] {"-999999999-01-01T00:00:00Z ses_abc", "+10000-01-01T00:00:00Z ses_abc",
                "0000-12-31T23:59:59Z ses_abc"}) {
            assertThatThrownBy(() -> NewestFirst.of(PageRequest.of(null, cursor(text))))
                    .as(text).isInstanceOf(InvalidQueryException.class);
        }
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
