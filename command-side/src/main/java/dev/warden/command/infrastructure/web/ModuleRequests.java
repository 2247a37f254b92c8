package dev.warden.command.infrastructure.web;

import dev.warden.events.infrastructure.SemanticVersion;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the module registry's endpoints. The module checks every field again, with its own codes. */
final class ModuleRequests {

    private ModuleRequests() {
    }

    /** {@code POST /api/orgs/{orgId}/modules}. */
    record Publish(@NotBlank @Size(max = 64) String namespace,
                   @NotBlank @Size(max = 64) String name,
                   @NotBlank @Size(max = 64) String provider,
                   @NotBlank @Size(max = SemanticVersion.MAX_LENGTH)
                   @Pattern(regexp = SemanticVersion.PATTERN,
                           message = "must be a semantic version (SemVer 2.0.0) such as 1.2.3, 1.2.3-rc.1 or 1.2.3+build.5")
                   String version,
                   @NotBlank @Size(max = 1000) String source,
                   @Size(max = 2000) String description) {
    }

    /** {@code POST .../modules/{moduleId}/versions/{version}/deprecate}. */
    record Deprecate(@NotBlank @Size(max = 1000) String reason) {
    }
}
