package dev.warden.command.governance;

import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicySet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@link PolicyRevisions} on the {@code policy_sets} table, on the connection of the caller's transaction. */
@Component
class JdbcPolicyRevisions implements PolicyRevisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PolicySet.Policy>> POLICIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    JdbcPolicyRevisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Stored lock(String organizationId) {
        // The upsert takes the row's lock whether it inserts or finds the row; a concurrent command of the
        // organization waits here until this transaction ends, then reads what it wrote.
        return jdbc.sql("""
                        INSERT INTO policy_sets (organization_id, revision, default_effect, policies)
                        VALUES (?, 0, NULL, '[]')
                        ON CONFLICT (organization_id) DO UPDATE SET revision = policy_sets.revision
                        RETURNING revision, default_effect, policies::text""")
                .param(organizationId)
                .query((rs, n) -> stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    @Override
    public void write(String organizationId, long revision, Effect defaultEffect, List<PolicySet.Policy> policies) {
        jdbc.sql("UPDATE policy_sets SET revision = ?, default_effect = ?, policies = ?::jsonb WHERE organization_id = ?")
                .params(revision, defaultEffect == null ? null : defaultEffect.wire(), JSON.writeValueAsString(policies),
                        organizationId)
                .update();
    }

    @Override
    public long revision(String organizationId) {
        return jdbc.sql("SELECT revision FROM policy_sets WHERE organization_id = ?")
                .param(organizationId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    @Override
    public Stored read(String organizationId) {
        return jdbc.sql("SELECT revision, default_effect, policies::text FROM policy_sets WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(Stored.NONE);
    }

    private static Stored stored(long revision, String defaultEffect, String policies) {
        Effect effect = null;
        for (Effect one : Effect.values()) {
            if (one.wire().equals(defaultEffect)) {
                effect = one;
            }
        }
        return new Stored(revision, effect, JSON.readValue(policies, POLICIES));
    }
}
