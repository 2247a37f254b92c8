package dev.warden.query.governance;

import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicySet;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.SortKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of an organization's policies (in the order decisions evaluate them), their versions and its
 * governance settings. Another organization's are never seen.
 */
@Repository
public class PolicyQueries {

    private final JdbcClient jdbc;

    PolicyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The organization's policies that are not deleted, in evaluation order: by priority, then creation. The
     * cursor is the last row's priority, then its creation instant and id.
     */
    public Page<PolicyView> policies(String organizationId, PageRequest page) {
        Order after = Order.after(page);
        List<PolicyView> rows = jdbc.sql("""
                        SELECT * FROM policies WHERE organization_id = :org AND NOT deleted
                        AND (priority, created_at, id)
                            > (:priority, COALESCE(CAST(:created AS timestamptz), '-infinity'), :id)
                        ORDER BY priority, created_at, id LIMIT :limit""")
                .param("org", organizationId)
                .param("priority", after.priority())
                .param("created", after.createdAt())
                .param("id", after.id())
                .param("limit", page.fetchSize())
                .query((rs, n) -> policy(rs))
                .list();
        return page.page(rows, p -> SortKey.of(Integer.toString(p.priority()), p.createdAt() + " " + p.id()));
    }

    /** One policy of the organization, deleted ones included. */
    public Optional<PolicyView> policy(String organizationId, String policyId) {
        return jdbc.sql("SELECT * FROM policies WHERE id = ? AND organization_id = ?")
                .params(policyId, organizationId)
                .query((rs, n) -> policy(rs))
                .optional();
    }

    /**
     * A policy's versions, newest first; the cursor is the last version's number. The organization is checked
     * on the policy's row, so the page is the leading columns of the versions' key in page order.
     */
    public Page<PolicyVersionView> versions(String organizationId, String policyId, PageRequest page) {
        int before = page.after() == null ? Integer.MAX_VALUE : number(page.after());
        List<PolicyVersionView> rows = jdbc.sql("""
                        SELECT * FROM policy_versions
                        WHERE policy_id = :policy AND version < :before
                          AND EXISTS (SELECT 1 FROM policies WHERE id = :policy AND organization_id = :org)
                        ORDER BY version DESC LIMIT :limit""")
                .param("policy", policyId)
                .param("org", organizationId)
                .param("before", before)
                .param("limit", page.fetchSize())
                .query((rs, n) -> version(rs))
                .list();
        return page.page(rows, v -> Integer.toString(v.version()));
    }

    /** One version of a policy of the organization. */
    public Optional<PolicyVersionView> version(String organizationId, String policyId, int version) {
        return jdbc.sql("SELECT * FROM policy_versions WHERE policy_id = ? AND version = ? AND organization_id = ?")
                .params(policyId, version, organizationId)
                .query((rs, n) -> version(rs))
                .optional();
    }

    /** The organization's settings; the default default (deny) when nobody set them. */
    public GovernanceSettingsView settings(String organizationId) {
        return jdbc.sql("SELECT * FROM governance_defaults WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new GovernanceSettingsView(organizationId,
                        Wire.effect(rs.getString("default_effect")), true, rs.getString("set_by"),
                        Rows.instant(rs, "updated_at")))
                .optional()
                .orElse(new GovernanceSettingsView(organizationId, PolicySet.DEFAULT_DEFAULT, false, null, null));
    }

    /** The organization's policies as decisions evaluate them (deleted ones left out) and its default effect. */
    public PolicySet policySet(String organizationId) {
        List<PolicySet.Policy> policies = jdbc.sql("SELECT * FROM policies WHERE organization_id = ? AND NOT deleted")
                .param(organizationId)
                .query((rs, n) -> evaluated(policy(rs)))
                .list();
        Effect defaultEffect = settings(organizationId).defaultEffect();
        return PolicySet.of(policies, defaultEffect);
    }

    /**
     * A policy as {@link PolicySet} takes it: its creation instant in milliseconds orders it among policies of
     * the same priority.
     */
    static PolicySet.Policy evaluated(PolicyView policy) {
        return new PolicySet.Policy(policy.id(), policy.version(), policy.priority(), policy.createdAt().toEpochMilli(),
                policy.mode(), policy.enabled(), policy.rules());
    }

    private static PolicyView policy(ResultSet rs) throws SQLException {
        return new PolicyView(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("description"), Wire.mode(rs.getString("mode")), rs.getInt("priority"),
                rs.getBoolean("enabled"), rs.getBoolean("deleted"), rs.getInt("version"),
                GovernanceJson.read(rs.getString("rules"), GovernanceJson.RULES), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "deleted_at"), Rows.instant(rs, "updated_at"));
    }

    private static PolicyVersionView version(ResultSet rs) throws SQLException {
        return new PolicyVersionView(rs.getString("policy_id"), rs.getInt("version"),
                GovernanceJson.read(rs.getString("rules"), GovernanceJson.RULES), rs.getString("created_by"),
                Rows.instant(rs, "created_at"));
    }

    private static int number(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static InvalidQueryException notACursor() {
        return new InvalidQueryException("cursor", "is not a cursor this service handed out");
    }

    /** Where a page of policies starts: after this priority, creation instant and id. */
    private record Order(int priority, Timestamp createdAt, String id) {

        static Order after(PageRequest page) {
            if (page.after() == null) {
                return new Order(Integer.MIN_VALUE, null, "");
            }
            SortKey key = SortKey.after(page);
            int space = key.tail().indexOf(' ');
            if (space < 1) {
                throw notACursor();
            }
            try {
                return new Order(Integer.parseInt(key.head()), Timestamp.from(Instant.parse(key.tail()
                        .substring(0, space))), key.tail().substring(space + 1));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw notACursor();
            }
        }
    }
}
