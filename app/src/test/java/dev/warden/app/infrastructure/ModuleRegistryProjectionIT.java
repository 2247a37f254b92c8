package dev.warden.app.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.WardenTest;
import dev.warden.events.infrastructure.ModuleVersionDeprecatedEvent;
import dev.warden.events.infrastructure.ModuleVersionPublishedEvent;
import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.events.shared.IdKind;
import dev.warden.query.infrastructure.ModuleQueries;
import dev.warden.query.infrastructure.ModuleRegistryProjection;
import dev.warden.query.infrastructure.ModuleVersionView;
import dev.warden.query.infrastructure.ModuleView;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The module registry projection called directly with events, read back through
 * {@link ModuleQueries}: versions land with their precedence as sort columns, and SQL pages through
 * them in semantic-version order. Each test runs in a transaction that is rolled back.
 */
@WardenTest
class ModuleRegistryProjectionIT {

    /** Newest first by SemVer precedence, pre-releases below their release, build metadata aside. */
    private static final List<String> NEWEST_FIRST = List.of(
            "10.0.0", "2.0.0", "1.10.0", "1.10.0-rc.1.x", "1.10.0-rc.1", "1.10.0-beta.11", "1.10.0-beta.2",
            "1.10.0-beta", "1.10.0-alpha.beta", "1.10.0-alpha.10", "1.10.0-alpha.9", "1.10.0-alpha.1",
            "1.10.0-alpha", "1.10.0-a-b", "1.10.0-a", "1.10.0-A", "1.10.0-10", "1.10.0-2", "1.10.0-0",
            "1.9.0+build.7", "1.2.0", "1.0.0", "1.0.0-rc.1+exp.sha.5114f85", "0.1.0", "0.0.1");

    @Autowired
    ModuleRegistryProjection registry;

    @Autowired
    ModuleQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private ProjectionTestRun run;

    @BeforeEach
    void newRun() {
        run = new ProjectionTestRun(transactions);
    }

    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String moduleId = IdKind.MODULE.next();

    @Test
    void aPublishedVersionLandsWithItsModuleAndSortColumns() {
        rolledBack(() -> {
            registry.on(published("1.10.0-rc.12+b.1"), logged(1, at), "usr_publisher");

            assertThat(queries.module(orgId, moduleId)).contains(new ModuleView(moduleId, orgId, "Acme", "vpc", "aws",
                    "1.10.0-rc.12+b.1", 1, "usr_publisher", at, at));
            ModuleVersionView version = queries.version(orgId, moduleId, SemanticVersion.require("1.10.0-rc.12"))
                    .orElseThrow();
            assertThat(version).isEqualTo(new ModuleVersionView(moduleId, orgId, "Acme", "vpc", "aws",
                    "1.10.0-rc.12+b.1", "git::https://example.com/vpc.git", "A VPC", "published", "usr_publisher", at,
                    null, null, null));
            Map<String, Object> row = jdbc.sql("SELECT major, minor, patch, is_release, pre_release_key "
                    + "FROM module_registry WHERE module_id = ?").param(moduleId).query().singleRow();
            assertThat(row).isEqualTo(Map.of("major", BigDecimal.ONE, "minor", BigDecimal.TEN,
                    "patch", BigDecimal.ZERO, "is_release", false, "pre_release_key", "1rc!000212!"));
            assertThat(queries.module(IdKind.ORGANIZATION.next(), moduleId)).as("other organizations").isEmpty();
        });
    }

    @Test
    void everyEventAppliedTwiceChangesNothing() {
        rolledBack(() -> {
            ModuleVersionPublishedEvent first = published("1.0.0");
            ModuleVersionPublishedEvent second = published("1.1.0");
            ModuleVersionDeprecatedEvent deprecated = new ModuleVersionDeprecatedEvent(moduleId, orgId, "1.0.0",
                    "Leaks routes");

            registry.on(first, logged(1, at), "usr_publisher");
            Map<String, Object> module = moduleRow();
            registry.on(first, logged(1, at.plusSeconds(60)), "usr_publisher");
            assertThat(moduleRow()).isEqualTo(module);

            registry.on(second, logged(2, at.plusSeconds(1)), "usr_publisher");
            module = moduleRow();
            List<Map<String, Object>> versions = versionRows();
            registry.on(second, logged(2, at.plusSeconds(61)), "usr_publisher");
            assertThat(moduleRow()).isEqualTo(module);
            assertThat(versionRows()).isEqualTo(versions);

            registry.on(deprecated, logged(3, at.plusSeconds(2)), "usr_deprecator");
            versions = versionRows();
            registry.on(deprecated, logged(3, at.plusSeconds(62)), "usr_deprecator");
            assertThat(versionRows()).isEqualTo(versions);

            assertThat(queries.module(orgId, moduleId).orElseThrow().versionCount()).isEqualTo(2);
            ModuleVersionView old = queries.version(orgId, moduleId, SemanticVersion.require("1.0.0")).orElseThrow();
            assertThat(old.status()).isEqualTo("deprecated");
            assertThat(old.deprecationReason()).isEqualTo("Leaks routes");
            assertThat(old.deprecatedBy()).isEqualTo("usr_deprecator");
            assertThat(old.deprecatedAt()).isEqualTo(at.plusSeconds(2));
        });
    }

    @Test
    void theLatestVersionIsTheHighestByPrecedenceNotTheNewestPublished() {
        rolledBack(() -> {
            registry.on(published("1.0.0"), logged(1, at), "usr_publisher");
            registry.on(published("1.10.0-rc.1"), logged(2, at), "usr_publisher");
            registry.on(published("1.9.0"), logged(3, at), "usr_publisher");
            assertThat(queries.module(orgId, moduleId).orElseThrow().latestVersion()).isEqualTo("1.10.0-rc.1");

            registry.on(published("1.10.0+build.2"), logged(4, at), "usr_publisher");
            ModuleView module = queries.module(orgId, moduleId).orElseThrow();
            assertThat(module.latestVersion()).isEqualTo("1.10.0+build.2");
            assertThat(module.versionCount()).isEqualTo(4);
        });
    }

    @Test
    void versionsPageNewestFirstBySemanticVersionFromAShuffledLog() {
        rolledBack(() -> {
            List<String> shuffled = new ArrayList<>(NEWEST_FIRST);
            Collections.shuffle(shuffled, new Random(17));
            for (int i = 0; i < shuffled.size(); i++) {
                registry.on(published(shuffled.get(i)), logged(i + 1, at.plusSeconds(i)), "usr_publisher");
            }

            for (int limit : new int[] {1, 3, 7, 200}) {
                List<String> read = new ArrayList<>();
                String cursor = null;
                do {
                    Page<ModuleVersionView> page = queries.versions(orgId, moduleId, PageRequest.of(limit, cursor));
                    assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
                    page.items().forEach(v -> read.add(v.version()));
                    cursor = page.nextCursor();
                } while (cursor != null);
                assertThat(read).as("pages of %d", limit).isEqualTo(NEWEST_FIRST);
            }
            assertThat(queries.module(orgId, moduleId).orElseThrow().latestVersion()).isEqualTo("10.0.0");
        });
    }

    @Test
    void aVersionIsFoundByItsPrecedence() {
        rolledBack(() -> {
            registry.on(published("1.0.0-rc.1+exp.sha.5114f85"), logged(1, at), "usr_publisher");

            assertThat(queries.version(orgId, moduleId, SemanticVersion.require("1.0.0-rc.1")))
                    .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("1.0.0-rc.1+exp.sha.5114f85"));
            assertThat(queries.version(orgId, moduleId, SemanticVersion.require("1.0.0-rc.1+other"))).isPresent();
            assertThat(queries.version(orgId, moduleId, SemanticVersion.require("1.0.0"))).isEmpty();
            assertThat(queries.version(orgId, moduleId, SemanticVersion.require("1.0.0-rc.1.0"))).isEmpty();
        });
    }

    @Test
    void modulesAreListedByCoordinatesIgnoringCase() {
        rolledBack(() -> {
            List<String> ids = new ArrayList<>();
            for (String[] coordinates : new String[][] {{"zeta", "net", "aws"}, {"Acme", "vpc", "google"},
                    {"acme", "VPC", "aws"}, {"Acme", "dns", "aws"}}) {
                String id = IdKind.MODULE.next();
                ids.add(id);
                registry.on(new ModuleVersionPublishedEvent(id, orgId, coordinates[0], coordinates[1], coordinates[2],
                        "1.0.0", "./modules/x", null), logged(ids.size(), at), "usr_publisher");
            }

            List<String> listed = new ArrayList<>();
            String cursor = null;
            do {
                Page<ModuleView> page = queries.modules(orgId, PageRequest.of(1, cursor));
                page.items().forEach(m -> listed.add(m.id()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(listed).containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        });
    }

    @Test
    void resetEmptiesTheRegistryTables() {
        rolledBack(() -> {
            registry.on(published("1.0.0"), logged(1, at), "usr_publisher");

            registry.reset();

            assertThat(count("modules")).isZero();
            assertThat(count("module_registry")).isZero();
        });
    }

    private ModuleVersionPublishedEvent published(String version) {
        return new ModuleVersionPublishedEvent(moduleId, orgId, "Acme", "vpc", "aws", version,
                "git::https://example.com/vpc.git", "A VPC");
    }

    private Logged logged(long offset, Instant when) {
        return run.logged(offset, when);
    }

    private void rolledBack(Runnable work) {
        run.rolledBack(work);
    }

    private Map<String, Object> moduleRow() {
        return jdbc.sql("SELECT * FROM modules WHERE id = ?").param(moduleId).query().singleRow();
    }

    private List<Map<String, Object>> versionRows() {
        return jdbc.sql("SELECT * FROM module_registry WHERE module_id = ? ORDER BY id").param(moduleId).query()
                .listOfRows();
    }

    private long count(String table) {
        return ProjectionTestRun.count(jdbc, table);
    }
}
