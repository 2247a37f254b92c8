package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.ModuleVersionDeprecatedEvent;
import dev.warden.events.infrastructure.ModuleVersionPublishedEvent;
import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import java.math.BigDecimal;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code modules} and {@code module_registry}. Each published version gets its row with its
 * precedence as sort columns ({@link SemanticVersion}); the module's row is created by its first
 * version and then counts versions and names the highest one. A version row is inserted once and
 * the module's row changes only for a newer event, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(InfrastructureProcessing.GROUP)
public class ModuleRegistryProjection {

    private final ProjectionWrites writes;

    ModuleRegistryProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** The id of a version's row: the module id, {@code @} and the version's precedence. */
    public static String versionRowId(String moduleId, SemanticVersion version) {
        return moduleId + "@" + version.precedence();
    }

    @EventHandler
    public void on(ModuleVersionPublishedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        SemanticVersion version = SemanticVersion.require(event.version());
        writes.write(key(event.moduleId()), """
                        INSERT INTO module_registry (id, organization_id, module_id, namespace, name, provider, version,
                                                     major, minor, patch, is_release, pre_release_key, description,
                                                     source, status, published_by, published_at, created_at,
                                                     updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""",
                versionRowId(event.moduleId(), version), event.organizationId(), event.moduleId(), event.namespace(),
                event.name(), event.provider(), event.version(), new BigDecimal(version.major()),
                new BigDecimal(version.minor()), new BigDecimal(version.patch()), version.isRelease(),
                version.preReleaseKey(), event.description(), event.source(), actorId, logged.time(), logged.time(),
                logged.time(), logged.position());
        writes.write(key(event.moduleId()), """
                        INSERT INTO modules (id, organization_id, namespace, name, provider, module_key, latest_version,
                                             version_count, created_by, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE
                        SET latest_version = (SELECT r.version FROM module_registry r
                                              WHERE r.organization_id = modules.organization_id
                                                AND r.module_id = modules.id
                                              ORDER BY r.major DESC, r.minor DESC, r.patch DESC, r.is_release DESC,
                                                       r.pre_release_key DESC
                                              LIMIT 1),
                            version_count = modules.version_count + 1,
                            updated_at = EXCLUDED.updated_at,
                            last_event_position = EXCLUDED.last_event_position
                        WHERE modules.last_event_position < EXCLUDED.last_event_position""",
                event.moduleId(), event.organizationId(), event.namespace(), event.name(), event.provider(),
                moduleKey(event), event.version(), actorId, logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(ModuleVersionDeprecatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        SemanticVersion version = SemanticVersion.require(event.version());
        writes.write(key(event.moduleId()), """
                        UPDATE module_registry
                        SET status = 'deprecated', deprecated_at = ?, deprecation_reason = ?, deprecated_by = ?,
                            updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                logged.time(), event.reason(), actorId, logged.time(), logged.position(),
                versionRowId(event.moduleId(), version), logged.position());
    }

    @ResetHandler
    public void reset() {
        writes.clear("module_registry", "modules");
    }

    /** The module's coordinates in lower case, as the command side keys them and the list orders them. */
    private static String moduleKey(ModuleVersionPublishedEvent event) {
        return (event.namespace() + "/" + event.name() + "/" + event.provider()).toLowerCase(Locale.ROOT);
    }

    private static String key(String moduleId) {
        return "modules " + moduleId;
    }
}
