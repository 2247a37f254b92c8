package dev.warden.app.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link JdbcClient} on one connection that has PostgreSQL run every query twice more before it
 * answers it, under {@code EXPLAIN (ANALYZE, FORMAT JSON)}: as planned for the values given (what
 * a statement gets on its first runs), and as the generic plan (what PgJDBC's server-prepared
 * statement may be given from its sixth run on, planned without the values).
 */
final class ExplainedQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final List<Explained> explained = new ArrayList<>();

    /** The plans of one query. */
    record Explained(String sql, JsonNode custom, JsonNode generic) {
    }

    ExplainedQueries(Connection connection) {
        this.connection = connection;
    }

    /** A client whose queries are explained. */
    JdbcClient jdbc() {
        Connection explaining = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    return method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            ? explaining((PreparedStatement) result, sql) : result;
                });
        return JdbcClient.create(new SingleConnectionDataSource(explaining, true));
    }

    /** The queries explained since the last call, in the order they ran. */
    List<Explained> take() {
        List<Explained> taken = List.copyOf(explained);
        explained.clear();
        return taken;
    }

    private PreparedStatement explaining(PreparedStatement statement, String sql) {
        Map<Integer, Object> values = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2
                    && args[0] instanceof Integer index) {
                values.put(index, method.getName().equals("setNull") ? null : args[1]);
            }
            if (method.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                explained.add(new Explained(sql, custom(sql, values), generic(sql, values)));
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private JsonNode custom(String sql, Map<Integer, Object> values) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            for (Map.Entry<Integer, Object> value : values.entrySet()) {
                explain.setObject(value.getKey(), value.getValue());
            }
            try (ResultSet rs = explain.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            }
        }
    }

    private JsonNode generic(String sql, Map<Integer, Object> values) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        List<String> literals = values.values().stream().map(ExplainedQueries::literal).toList();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PREPARE explained AS " + numbered);
            statement.execute("SET plan_cache_mode = force_generic_plan");
            try (ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE explained("
                    + String.join(", ", literals) + ")")) {
                rs.next();
                return JSON.readTree(rs.getString(1));
            } finally {
                statement.execute("RESET plan_cache_mode");
                statement.execute("DEALLOCATE explained");
            }
        }
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value.toString();
        return "'" + text.replace("'", "''") + "'";
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
