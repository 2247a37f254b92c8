package dev.warden.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.shared.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialValuesTest {

    @Test
    void leavesOutAnEmptyOptionalValueAndSortsTheRest() {
        List<CredentialField> fields = List.of(new CredentialField("token", true, true, null),
                new CredentialField("owner", false, false, null));
        assertThat(CredentialValues.check(fields, Map.of("token", "t0k3n", "owner", "")))
                .containsExactly(Map.entry("token", "t0k3n"));
    }

    @Test
    void refusesAPatternThatWouldTakeTooLongInsteadOfHoldingTheThread() {
        List<CredentialField> fields = List.of(new CredentialField("token", true, true, "(.*a){12}"));
        assertThatThrownBy(() -> CredentialValues.check(fields, Map.of("token", "a".repeat(40) + "!")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(CredentialsErrorCode.INVALID_CREDENTIAL_VALUE);
                    assertThat(e.getMessage()).contains("'token'").contains("too costly");
                });
    }

    @Test
    void refusesAPatternWhoseRepetitionsWouldOverflowTheStack() {
        List<CredentialField> fields = List.of(new CredentialField("token", true, true, "(a|b)*"));
        String value = "ab".repeat(CredentialValues.MAX_VALUE_LENGTH / 2);
        assertThatThrownBy(() -> CredentialValues.check(fields, Map.of("token", value)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(CredentialsErrorCode.INVALID_CREDENTIAL_VALUE);
                    assertThat(e.getMessage()).contains("'token'").contains("too costly");
                });
    }

    @Test
    void refusesAValueTooLongNamingItsField() {
        List<CredentialField> fields = List.of(new CredentialField("token", true, true, null));
        assertThatThrownBy(() -> CredentialValues.check(fields,
                Map.of("token", "x".repeat(CredentialValues.MAX_VALUE_LENGTH + 1))))
                .hasMessageContaining("'token'");
    }
}
