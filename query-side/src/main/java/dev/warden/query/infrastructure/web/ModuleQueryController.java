package dev.warden.query.infrastructure.web;

import dev.warden.events.infrastructure.ModuleErrorCode;
import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import dev.warden.query.infrastructure.ModuleQueries;
import dev.warden.query.infrastructure.ModuleVersionView;
import dev.warden.query.infrastructure.ModuleView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of the module registry. A version in a path is named by precedence: {@code 1.2.0} finds
 * {@code 1.2.0+build.7}; text that is no semantic version names no version.
 */
@RestController
class ModuleQueryController {

    private final ModuleQueries modules;
    private final ReadGuard guard;

    ModuleQueryController(ModuleQueries modules, ReadGuard guard) {
        this.modules = modules;
        this.guard = guard;
    }

    /** The organization's modules by namespace, name and provider, each with its highest version. */
    @Requires("modules:read")
    @GetMapping("/api/orgs/{orgId}/modules")
    Page<ModuleView> modules(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> modules.modules(orgId, page));
    }

    @Requires("modules:read")
    @GetMapping("/api/orgs/{orgId}/modules/{moduleId}")
    ModuleView module(@PathVariable String orgId, @PathVariable String moduleId,
                      @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return modules.module(orgId, moduleId).orElseThrow(() -> IdKind.MODULE.notFound(moduleId));
    }

    /** A module's versions, newest first by semantic-version precedence (a pre-release below its release). */
    @Requires("modules:read")
    @GetMapping("/api/orgs/{orgId}/modules/{moduleId}/versions")
    Page<ModuleVersionView> versions(@PathVariable String orgId, @PathVariable String moduleId,
                                     PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            modules.module(orgId, moduleId).orElseThrow(() -> IdKind.MODULE.notFound(moduleId));
            return modules.versions(orgId, moduleId, page);
        });
    }

    @Requires("modules:read")
    @GetMapping("/api/orgs/{orgId}/modules/{moduleId}/versions/{version}")
    ModuleVersionView version(@PathVariable String orgId, @PathVariable String moduleId,
                              @PathVariable String version, @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        modules.module(orgId, moduleId).orElseThrow(() -> IdKind.MODULE.notFound(moduleId));
        return SemanticVersion.parse(version).flatMap(v -> modules.version(orgId, moduleId, v))
                .orElseThrow(() -> new DomainException(ModuleErrorCode.MODULE_VERSION_NOT_FOUND,
                        "The module has no version " + Text.excerpt(version)));
    }
}
