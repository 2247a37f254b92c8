package dev.warden.command.infrastructure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.infrastructure.DeprecateModuleVersionCommand;
import dev.warden.events.infrastructure.ModuleErrorCode;
import dev.warden.events.infrastructure.ModuleVersionDeprecatedEvent;
import dev.warden.events.infrastructure.ModuleVersionPublishedEvent;
import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A module of an organization's registry (namespace, name and provider) with its published
 * versions. Versions are known by precedence (build metadata aside): one per precedence, never
 * changed once published, and deprecated at most once. Another organization's module looks missing.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class RegistryModule {

    @AggregateIdentifier
    private String moduleId;
    private String organizationId;
    private String namespace;
    private String name;
    private String provider;
    /** By precedence: the version as published. */
    private Map<String, String> versions = new HashMap<>();
    /** By precedence: a digest of what was published (version text, source, description). */
    private Map<String, String> contents = new HashMap<>();
    /** The precedences of the deprecated versions. */
    private Set<String> deprecated = new HashSet<>();

    protected RegistryModule() {
    }

    /**
     * Publishes a version; the first one creates the module with the publication's coordinates. The
     * same publication again stores nothing; other content under a published precedence is refused.
     */
    void publish(String id, String organization, ModuleRules.Publication publication) {
        if (moduleId != null) {
            requireIn(organization);
        }
        String precedence = publication.version().precedence();
        String digest = digest(publication);
        String published = versions.get(precedence);
        if (published != null) {
            if (digest.equals(contents.get(precedence))) {
                return;
            }
            throw new DomainException(ModuleErrorCode.MODULE_VERSION_EXISTS, "Version " + published
                    + " of this module is published with other content, and a published version never changes"
                    + " (versions that differ only in build metadata are the same version); publish a new version");
        }
        boolean first = moduleId == null;
        apply(new ModuleVersionPublishedEvent(id, organization, first ? publication.namespace() : namespace,
                first ? publication.name() : name, first ? publication.provider() : provider,
                publication.version().toString(), publication.source(), publication.description()));
    }

    void deprecate(DeprecateModuleVersionCommand command) {
        requireIn(command.organizationId());
        String reason = ModuleRules.reason(command.reason());
        String precedence = SemanticVersion.parse(command.version()).map(SemanticVersion::precedence).orElse(null);
        String published = precedence == null ? null : versions.get(precedence);
        if (published == null) {
            throw versionNotFound(command.version());
        }
        if (deprecated.contains(precedence)) {
            throw new DomainException(ModuleErrorCode.MODULE_VERSION_DEPRECATED,
                    "Version " + published + " is deprecated already");
        }
        apply(new ModuleVersionDeprecatedEvent(moduleId, organizationId, published, reason));
    }

    /** Refuses unless the module is {@code organization}'s. */
    void requireIn(String organization) {
        if (!Objects.equals(organizationId, organization)) {
            throw IdKind.MODULE.notFound(moduleId);
        }
    }

    /** The refusal of a version the module does not have (or that is not a version at all). */
    static DomainException versionNotFound(String version) {
        return new DomainException(ModuleErrorCode.MODULE_VERSION_NOT_FOUND,
                "The module has no version " + Text.excerpt(version));
    }

    private static String digest(ModuleRules.Publication publication) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {publication.version().toString(), publication.source(),
                    publication.description()}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                sha.update((part == null ? "-" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @EventSourcingHandler
    void on(ModuleVersionPublishedEvent event) {
        if (moduleId == null) {
            moduleId = event.moduleId();
            organizationId = event.organizationId();
            namespace = event.namespace();
            name = event.name();
            provider = event.provider();
        }
        SemanticVersion version = SemanticVersion.require(event.version());
        versions.put(version.precedence(), event.version());
        contents.put(version.precedence(), digest(new ModuleRules.Publication(event.namespace(), event.name(),
                event.provider(), version, event.source(), event.description())));
    }

    @EventSourcingHandler
    void on(ModuleVersionDeprecatedEvent event) {
        deprecated.add(SemanticVersion.require(event.version()).precedence());
    }
}
