package dev.warden.query.governance;

import dev.warden.events.governance.PolicyRule;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The jsonb columns of the governance tables (labels, rules, role ids), written and read as JSON text. */
final class GovernanceJson {

    static final TypeReference<List<PolicyRule>> RULES = new TypeReference<>() { };
    static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    static final TypeReference<List<String>> IDS = new TypeReference<>() { };

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GovernanceJson() {
    }

    /** {@code value} as JSON text, for a {@code ?::jsonb} parameter; {@code null} as {@code empty}. */
    static String write(Object value, Object empty) {
        return MAPPER.writeValueAsString(value == null ? empty : value);
    }

    /** The JSON text of a column as {@code type}. */
    static <T> T read(String json, TypeReference<T> type) {
        return MAPPER.readValue(json, type);
    }
}
