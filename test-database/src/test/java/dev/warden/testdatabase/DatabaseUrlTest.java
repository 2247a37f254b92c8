package dev.warden.testdatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void credentialsAreDecodedAndTheRestBecomesTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://ci%40example:p%3Ass+w@db.example:6543/scratch?sslmode=disable");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/scratch?sslmode=disable");
        assertThat(url.user()).isEqualTo("ci@example");
        assertThat(url.password()).isEqualTo("p:ss+w");
    }

    @Test
    void withoutPortOrPasswordTheDefaultsHold() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1/scratch");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/scratch");
        assertThat(url.user()).isEqualTo("postgres");
        assertThat(url.password()).isNull();
    }

    @Test
    void aPurposeIsAPlainName() {
        assertThatThrownBy(() -> DatabaseUrl.create("postgresql://postgres@127.0.0.1:1/scratch", "x\"; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
