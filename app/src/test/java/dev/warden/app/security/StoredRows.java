package dev.warden.app.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Everything the database stores, as text to search: for the scans that look for what must not be kept. */
final class StoredRows {

    private StoredRows() {
    }

    /**
     * Every row of every table of the public schema, by table, as {@code column=value | ...} text with
     * bytea columns decoded; the columns named {@code table.column} in {@code skipped} are left out.
     */
    static Map<String, List<String>> everyTable(JdbcClient jdbc, Set<String> skipped) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT c.table_name, c.column_name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                        ORDER BY c.table_name, c.ordinal_position""")
                .query().listOfRows();
        Map<String, List<String>> expressions = new LinkedHashMap<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            if (skipped.contains(table + "." + name)) {
                continue;
            }
            String quoted = "\"" + name + "\"";
            String text = "bytea".equals(column.get("data_type")) ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
            expressions.computeIfAbsent(table, t -> new ArrayList<>()).add("'" + name + "=' || coalesce(" + text + ", '')");
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        expressions.forEach((table, list) -> rows.put(table, jdbc
                .sql("SELECT concat_ws(' | ', " + String.join(", ", list) + ") FROM \"" + table + "\"")
                .query(String.class).list()));
        return rows;
    }
}
