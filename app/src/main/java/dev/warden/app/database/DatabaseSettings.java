package dev.warden.app.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the database is, from {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db?sslmode=...},
 * user and password URL-encoded) and {@code DATABASE_SSL} (disable, require, verify-full; overrides
 * the URL's sslmode). Never prints the password.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password,
                               String sslMode) {

    private static final java.util.Set<String> SSL_MODES = java.util.Set.of("disable", "allow", "prefer", "require",
            "verify-ca", "verify-full");

    /** Parses a {@code DATABASE_URL}; {@code ssl} may be {@code null}. */
    public static DatabaseSettings parse(String url, String ssl) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidDatabaseUrlException("DATABASE_URL is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new InvalidDatabaseUrlException("DATABASE_URL must start with postgresql://, not "
                    + (scheme.isEmpty() ? "without a scheme" : scheme + ":"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidDatabaseUrlException("DATABASE_URL names no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new InvalidDatabaseUrlException("DATABASE_URL names no database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> query = query(uri.getRawQuery());
        if (query.containsKey("user") || query.containsKey("password")) {
            throw new InvalidDatabaseUrlException("DATABASE_URL carries credentials in its query; put them before "
                    + "the host: postgresql://user:password@host:port/database");
        }
        String sslMode = ssl != null && !ssl.isBlank() ? ssl.strip().toLowerCase(Locale.ROOT) : query.get("sslmode");
        if (sslMode != null && !SSL_MODES.contains(sslMode)) {
            throw new InvalidDatabaseUrlException("DATABASE_SSL / sslmode must be one of disable, require, "
                    + "verify-full (or allow, prefer, verify-ca), got: " + sslMode);
        }
        return new DatabaseSettings(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), decode(path), user,
                password, sslMode);
    }

    /** The JDBC URL, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncodedPath.encode(database);
    }

    /** Driver properties: credentials, TLS mode, and timeouts that fail fast on an unreachable server. */
    public Properties driverProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (sslMode != null) {
            properties.setProperty("sslmode", sslMode);
        }
        properties.setProperty("connectTimeout", "10");
        // Keep row values (emails, payloads) out of driver exception messages, and so out of logs.
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("ApplicationName", "warden");
        return properties;
    }

    /**
     * Opens and closes one connection, so a wrong address, a server that is down or bad credentials
     * are reported at start in one sentence.
     */
    public void requireReachable() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(), driverProperties())) {
            // reachable, and the credentials work
        } catch (SQLException e) {
            throw new DatabaseStartupException("Cannot connect to PostgreSQL at " + describe() + ": " + e.getMessage());
        }
    }

    /** Host, port, database and user, for messages. */
    public String describe() {
        return (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", sslmode=" + sslMode + "]";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return values;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final class URLEncodedPath {
        static String encode(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
