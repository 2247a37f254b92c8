package dev.warden.query.support;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Small conversions between JDBC values and the types the views use. */
public final class Rows {

    private Rows() {
    }

    /** A timestamp column as an instant, {@code null} when the column is. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A {@code text[]} column as a sorted list, empty when the column is null. */
    public static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        String[] values = (String[]) array.getArray();
        return Arrays.stream(values).sorted().toList();
    }

    /** An instant as a JDBC parameter, {@code null} stays {@code null}. */
    public static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
