package dev.warden.testdatabase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A {@code DATABASE_URL} ({@code postgresql://user:password@host:port/db?params}) as JDBC settings. */
record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final String DUPLICATE_DATABASE = "42P04";

    /** Creates the database {@code <database>_<purpose>} on the server of {@code url} unless it exists; its URL. */
    static String create(String url, String purpose) {
        if (!purpose.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("A purpose is lower-case letters, digits and _: " + purpose);
        }
        URI uri = URI.create(url.strip());
        String name = uri.getPath().replaceFirst("^/", "") + "_" + purpose;
        try (Connection connection = parse(url).dataSource(null).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create the test database " + name, e);
            }
        }
        String path = "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static DatabaseUrl parse(String url) {
        URI uri = URI.create(url.strip());
        String[] credentials = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort())
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(jdbcUrl, credentials.length > 0 ? credentials[0] : null,
                credentials.length > 1 ? credentials[1] : null);
    }

    /** A data source on this database; with a {@code schema}, its connections search that schema alone. */
    DataSource dataSource(String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }
}
