package dev.warden.query.infrastructure;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The jsonb columns of the infrastructure tables, written and read as JSON text. */
final class JsonColumns {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonColumns() {
    }

    /** {@code value} as JSON text, for a {@code ?::jsonb} parameter. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The JSON text of a column as {@code type}; {@code null} stays {@code null}. */
    static <T> T read(String json, TypeReference<T> type) {
        return json == null ? null : MAPPER.readValue(json, type);
    }
}
