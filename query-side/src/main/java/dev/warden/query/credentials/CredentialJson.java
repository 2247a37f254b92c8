package dev.warden.query.credentials;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The jsonb columns of the credentials tables, written and read as JSON text. */
final class CredentialJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CredentialJson() {
    }

    /** {@code value} as JSON text, for a {@code ?::jsonb} parameter. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The JSON text of a column as {@code type}. */
    static <T> T read(String json, TypeReference<T> type) {
        return MAPPER.readValue(json, type);
    }
}
