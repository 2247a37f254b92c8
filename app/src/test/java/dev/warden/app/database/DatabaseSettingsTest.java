package dev.warden.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseSettingsTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void parsesEveryPartOfUrl() {
        DatabaseSettings settings = DatabaseSettings.parse(
                "postgresql://warden:" + SECRET + "@db.example.com:6543/warden_prod?sslmode=require", null);

        assertThat(settings).isEqualTo(
                new DatabaseSettings("db.example.com", 6543, "warden_prod", "warden", SECRET, "require"));
    }

    @Test
    void decodesUserAndPassword() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://app%2Duser:p%40ss%2Fw%3Ard%25@host/db", null);

        assertThat(settings.user()).isEqualTo("app-user");
        assertThat(settings.password()).isEqualTo("p@ss/w:rd%");
    }

    @Test
    void keepsPlusInPasswordLiterally() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://warden:a+b%2Bc@host/db", null);

        assertThat(settings.password()).isEqualTo("a+b+c");
    }

    @Test
    void acceptsUserWithoutPasswordAndNoUserAtAll() {
        assertThat(DatabaseSettings.parse("postgresql://warden@host/db", null))
                .returns("warden", DatabaseSettings::user)
                .returns(null, DatabaseSettings::password);
        assertThat(DatabaseSettings.parse("postgresql://host/db", null))
                .returns(null, DatabaseSettings::user)
                .returns(null, DatabaseSettings::password);
    }

    @Test
    void defaultsToPort5432() {
        assertThat(DatabaseSettings.parse("postgresql://u:p@host/db", null).port()).isEqualTo(5432);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://u:p@host:5433/db", "postgresql://u:p@host:5433/db",
            "PostgreSQL://u:p@host:5433/db", "  postgres://u:p@host:5433/db  "})
    void acceptsBothSchemes(String url) {
        DatabaseSettings settings = DatabaseSettings.parse(url, null);

        assertThat(settings.host()).isEqualTo("host");
        assertThat(settings.port()).isEqualTo(5433);
        assertThat(settings.database()).isEqualTo("db");
    }

    @Test
    void decodesDatabaseNameAndEncodesItInJdbcUrl() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://u:p@host/my%20db", null);

        assertThat(settings.database()).isEqualTo("my db");
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/my%20db");
    }

    @Test
    void jdbcUrlCarriesNoCredentialsButDriverPropertiesDo() {
        DatabaseSettings settings = DatabaseSettings.parse(
                "postgresql://warden:" + SECRET + "@host/db?sslmode=verify-full", null);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db").doesNotContain(SECRET);
        assertThat(settings.driverProperties())
                .containsEntry("user", "warden")
                .containsEntry("password", SECRET)
                .containsEntry("sslmode", "verify-full");
    }

    @Test
    void leavesSslModeUnsetWhenNeitherUrlNorSettingNamesIt() {
        DatabaseSettings settings = DatabaseSettings.parse("postgresql://u:p@host/db", null);

        assertThat(settings.sslMode()).isNull();
        assertThat(settings.driverProperties()).doesNotContainKey("sslmode");
    }

    @Test
    void takesSslModeFromQuery() {
        assertThat(DatabaseSettings.parse("postgresql://u:p@host/db?application_name=x&sslmode=disable", null)
                .sslMode()).isEqualTo("disable");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://u:p@host/db?sslmode=disable | verify-full | verify-full",
            "postgresql://u:p@host/db?sslmode=require | ' Disable ' | disable",
            "postgresql://u:p@host/db                 | require     | require",
            "postgresql://u:p@host/db?sslmode=require | '   '       | require",
            "postgresql://u:p@host/db?sslmode=require | ''          | require"})
    void databaseSslOverridesQuery(String url, String ssl, String expected) {
        assertThat(DatabaseSettings.parse(url, ssl).sslMode()).isEqualTo(expected);
    }

    @Test
    void refusesUnknownSslModeInQuery() {
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://u:p@host/db?sslmode=always", null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageEndingWith("got: always");
    }

    @Test
    void refusesUnknownDatabaseSsl() {
        assertThatThrownBy(() -> DatabaseSettings.parse("postgresql://u:p@host/db?sslmode=require", "on"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageEndingWith("got: on");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql:///db", "postgresql://warden:" + SECRET + "@/db",
            "postgresql://warden:" + SECRET + "@:5432/db"})
    void refusesUrlWithoutHost(String url) {
        assertThatThrownBy(() -> DatabaseSettings.parse(url, null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("no host")
                .message().doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://warden:" + SECRET + "@host", "postgresql://warden:" + SECRET + "@host/",
            "postgresql://warden:" + SECRET + "@host:5432/?sslmode=require"})
    void refusesUrlWithoutDatabase(String url) {
        assertThatThrownBy(() -> DatabaseSettings.parse(url, null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("no database")
                .message().doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://warden:" + SECRET + "@host/db", "jdbc:postgresql://warden:" + SECRET + "@host/db",
            "http://warden:" + SECRET + "@host/db", "warden:" + SECRET + "@host/db"})
    void refusesWrongSchemeWithoutShowingPassword(String url) {
        assertThatThrownBy(() -> DatabaseSettings.parse(url, null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("postgresql://")
                .message().doesNotContain(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://warden:" + SECRET + "@ho st/db",
            "postgresql://warden:" + SECRET + "%zz@host/db",
            "postgresql://warden:" + SECRET + " x@host/db"})
    void refusesMalformedUrlWithoutShowingPassword(String url) {
        assertThatThrownBy(() -> DatabaseSettings.parse(url, null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .message().doesNotContain(SECRET);
    }

    /** A password pasted without URL-encoding may hold characters that end the user part early. */
    @ParameterizedTest
    @ValueSource(strings = {"s3cr/3t", "s3cr@3t", "s3cr?3t", "s3cr#3t", "s3cr:3t"})
    void neverShowsUnencodedPasswordInRefusal(String password) {
        for (String url : new String[] {"postgresql://warden:" + password + "@host/db",
                "mysql://warden:" + password + "@host/db"}) {
            try {
                DatabaseSettings settings = DatabaseSettings.parse(url, null);
                assertThat(settings.toString()).as(url).doesNotContain(password);
            } catch (InvalidDatabaseUrlException e) {
                assertThat(e.getMessage()).as(url).doesNotContain(password).doesNotContain("3t");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://host/db?user=warden&password=" + SECRET,
            "postgresql://host/db?password=" + SECRET, "postgresql://host/db?sslmode=require&user=warden"})
    void refusesCredentialsInTheQueryWithoutShowingThem(String url) {
        assertThatThrownBy(() -> DatabaseSettings.parse(url, null))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("credentials in its query")
                .message().doesNotContain(SECRET);
    }

    @Test
    void toStringAndDescriptionNeverShowPassword() {
        DatabaseSettings settings = DatabaseSettings.parse(
                "postgresql://warden:" + SECRET + "@db.example.com/warden?sslmode=require", null);

        assertThat(settings.toString())
                .isEqualTo("DatabaseSettings[warden@db.example.com:5432/warden, sslmode=require]")
                .doesNotContain(SECRET);
        assertThat(settings.describe()).doesNotContain(SECRET);
    }
}
