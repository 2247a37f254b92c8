package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import dev.warden.query.support.SortKey;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of an organization's module registry: modules by coordinates, and a module's versions
 * newest first by semantic-version precedence, paged by the precedence of the last version shown.
 */
@Repository
public class ModuleQueries {

    /**
     * The versions below the cursor, newest first, read backwards from the index on (organization,
     * module, major, minor, patch, is_release, pre_release_key). On the first page the bound major is
     * NaN, which PostgreSQL sorts above every number, so every version is below it.
     */
    private static final String VERSIONS = """
            SELECT * FROM module_registry
            WHERE organization_id = :org AND module_id = :module
              AND (major, minor, patch, is_release, pre_release_key)
                  < (COALESCE(CAST(:major AS numeric), 'NaN'), CAST(:minor AS numeric), CAST(:patch AS numeric),
                     CAST(:release AS boolean), CAST(:key AS text))
            ORDER BY major DESC, minor DESC, patch DESC, is_release DESC, pre_release_key DESC
            LIMIT :limit""";

    private final JdbcClient jdbc;

    ModuleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's modules by namespace, name and provider (ignoring case). */
    public Page<ModuleView> modules(String organizationId, PageRequest page) {
        SortKey after = SortKey.after(page);
        List<ModuleView> rows = jdbc.sql("""
                        SELECT * FROM modules WHERE organization_id = :org AND (module_key, id) > (:key, :id)
                        ORDER BY module_key, id LIMIT :limit""")
                .param("org", organizationId)
                .param("key", after.head())
                .param("id", after.tail())
                .param("limit", page.fetchSize())
                .query((rs, n) -> module(rs))
                .list();
        return page.page(rows, m -> SortKey.of(key(m), m.id()));
    }

    /** One module, if it is the organization's. */
    public Optional<ModuleView> module(String organizationId, String moduleId) {
        return jdbc.sql("SELECT * FROM modules WHERE organization_id = ? AND id = ?")
                .params(organizationId, moduleId)
                .query((rs, n) -> module(rs))
                .optional();
    }

    /** The module's versions, newest first by precedence; the cursor is the last one's precedence. */
    public Page<ModuleVersionView> versions(String organizationId, String moduleId, PageRequest page) {
        SemanticVersion after = page.after() == null ? null : SemanticVersion.parse(page.after())
                .orElseThrow(() -> new InvalidQueryException("cursor", "is not a cursor this service handed out"));
        List<ModuleVersionView> rows = jdbc.sql(VERSIONS)
                .param("org", organizationId)
                .param("module", moduleId)
                .param("major", after == null ? null : new BigDecimal(after.major()))
                .param("minor", after == null ? BigDecimal.ZERO : new BigDecimal(after.minor()))
                .param("patch", after == null ? BigDecimal.ZERO : new BigDecimal(after.patch()))
                .param("release", after == null || after.isRelease())
                .param("key", after == null ? "" : after.preReleaseKey())
                .param("limit", page.fetchSize())
                .query((rs, n) -> version(rs))
                .list();
        return page.page(rows, v -> SemanticVersion.require(v.version()).precedence());
    }

    /** The module's version of the precedence {@code version} names (build metadata aside), if it has one. */
    public Optional<ModuleVersionView> version(String organizationId, String moduleId, SemanticVersion version) {
        return jdbc.sql("""
                        SELECT * FROM module_registry
                        WHERE organization_id = ? AND module_id = ? AND major = ? AND minor = ? AND patch = ?
                          AND is_release = ? AND pre_release_key = ?""")
                .params(organizationId, moduleId, new BigDecimal(version.major()), new BigDecimal(version.minor()),
                        new BigDecimal(version.patch()), version.isRelease(), version.preReleaseKey())
                .query((rs, n) -> version(rs))
                .optional();
    }

    private static String key(ModuleView module) {
        return (module.namespace() + "/" + module.name() + "/" + module.provider()).toLowerCase(java.util.Locale.ROOT);
    }

    private static ModuleView module(ResultSet rs) throws SQLException {
        return new ModuleView(rs.getString("id"), rs.getString("organization_id"), rs.getString("namespace"),
                rs.getString("name"), rs.getString("provider"), rs.getString("latest_version"),
                rs.getInt("version_count"), rs.getString("created_by"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static ModuleVersionView version(ResultSet rs) throws SQLException {
        return new ModuleVersionView(rs.getString("module_id"), rs.getString("organization_id"),
                rs.getString("namespace"), rs.getString("name"), rs.getString("provider"), rs.getString("version"),
                rs.getString("source"), rs.getString("description"), rs.getString("status"),
                rs.getString("published_by"), Rows.instant(rs, "published_at"), Rows.instant(rs, "deprecated_at"),
                rs.getString("deprecation_reason"), rs.getString("deprecated_by"));
    }
}
