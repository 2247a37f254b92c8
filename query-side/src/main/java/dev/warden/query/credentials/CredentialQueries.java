package dev.warden.query.credentials;

import dev.warden.events.credentials.CredentialField;
import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * Reads of credential types (an organization's own and the system's) and of an organization's cloud
 * provider and app credentials. Another organization's are never seen; no read returns a secret.
 */
@Repository
public class CredentialQueries {

    /** The two credential tables the API lists. */
    public enum Table {
        CLOUD("cloud_provider_credentials"), APP("app_credentials");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    private static final TypeReference<List<CredentialField>> FIELDS = new TypeReference<>() { };
    private static final TypeReference<Map<String, FieldView>> VALUES = new TypeReference<>() { };

    private final JdbcClient jdbc;

    CredentialQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The types the organization sees (its own and the system's), newest first: a page of each index, merged. */
    public Page<CredentialTypeView> types(String organizationId, PageRequest page) {
        List<CredentialTypeView> rows = NewestFirst.bind(jdbc.sql("SELECT * FROM ("
                        + "(SELECT * FROM credential_type WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR
                        + ") UNION ALL (SELECT * FROM credential_type WHERE organization_id IS NULL AND "
                        + NewestFirst.FROM_CURSOR + ")) page ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("org", organizationId), page)
                .query((rs, n) -> type(rs))
                .list();
        return page.page(rows, t -> NewestFirst.key(t.createdAt(), t.id()));
    }

    /** One type, if it is the organization's or a system type. */
    public Optional<CredentialTypeView> type(String organizationId, String typeId) {
        return jdbc.sql("SELECT * FROM credential_type WHERE id = ? AND (organization_id = ? OR organization_id IS NULL)")
                .params(typeId, organizationId)
                .query((rs, n) -> type(rs))
                .optional();
    }

    /** The organization's credentials in {@code table}, newest first. */
    public Page<CredentialView> credentials(Table table, String organizationId, PageRequest page) {
        List<CredentialView> rows = NewestFirst.bind(jdbc.sql("SELECT * FROM " + table.name
                        + " WHERE organization_id = :org AND " + NewestFirst.FROM_CURSOR)
                .param("org", organizationId), page)
                .query((rs, n) -> credential(rs, table))
                .list();
        return page.page(rows, c -> NewestFirst.key(c.createdAt(), c.id()));
    }

    /** One credential of {@code table}, if it is the organization's. */
    public Optional<CredentialView> credential(Table table, String organizationId, String credentialId) {
        return jdbc.sql("SELECT * FROM " + table.name + " WHERE organization_id = ? AND id = ?")
                .params(organizationId, credentialId)
                .query((rs, n) -> credential(rs, table))
                .optional();
    }

    private static CredentialTypeView type(ResultSet rs) throws SQLException {
        return new CredentialTypeView(rs.getString("id"), rs.getString("organization_id"),
                rs.getString("organization_id") == null, rs.getString("name"), rs.getString("provider"),
                rs.getString("description"), CredentialJson.read(rs.getString("fields"), FIELDS),
                rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }

    private static CredentialView credential(ResultSet rs, Table table) throws SQLException {
        String status = rs.getString("status");
        int revealed = rs.getInt("last_revealed_version");
        Integer revealedVersion = rs.wasNull() ? null : revealed;
        return new CredentialView(rs.getString("id"), rs.getString("organization_id"),
                rs.getString("credential_type_id"), table == Table.CLOUD ? rs.getString("provider") : null,
                rs.getString("name"), rs.getString("description"), new TreeMap<>(CredentialJson.read(rs.getString("fields"), VALUES)),
                rs.getInt("version"), status, "destroyed".equals(status), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), rs.getString("rotated_by"), Rows.instant(rs, "rotated_at"),
                rs.getString("revoked_by"), Rows.instant(rs, "revoked_at"), rs.getString("destroyed_by"),
                Rows.instant(rs, "destroyed_at"), rs.getString("last_revealed_by"),
                Rows.instant(rs, "last_revealed_at"), revealedVersion,
                Rows.instant(rs, "updated_at"));
    }
}
