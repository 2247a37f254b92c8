package dev.warden.command.infrastructure.web;

import dev.warden.events.infrastructure.WorkspaceSettings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the workspace endpoints. Bean validation catches the shape (presence, length); the
 * domain checks the rest (names, versions, paths, addresses, what a sensitive variable holds).
 */
final class WorkspaceRequests {

    private WorkspaceRequests() {
    }

    record Create(@NotBlank @Size(max = 90) String name, @NotBlank @Size(max = 64) String environment,
                  @Size(max = 60) String terraformVersion, @Size(max = 255) String workingDirectory,
                  @Size(max = 500) String vcsRepository, @Size(max = 255) String vcsBranch, Boolean autoApply) {

        WorkspaceSettings settings() {
            return new WorkspaceSettings(environment, terraformVersion, workingDirectory, vcsRepository, vcsBranch,
                    Boolean.TRUE.equals(autoApply));
        }
    }

    /** All the settings; what is left out is unset ({@code autoApply} false). */
    record Settings(@NotBlank @Size(max = 64) String environment, @Size(max = 60) String terraformVersion,
                    @Size(max = 255) String workingDirectory, @Size(max = 500) String vcsRepository,
                    @Size(max = 255) String vcsBranch, Boolean autoApply) {

        WorkspaceSettings settings() {
            return new WorkspaceSettings(environment, terraformVersion, workingDirectory, vcsRepository, vcsBranch,
                    Boolean.TRUE.equals(autoApply));
        }
    }

    /** A plain variable: {@code value}; a sensitive one: {@code sensitive: true} and {@code credentialId}. */
    record Variable(@Size(max = 4000) String value, @Size(max = 64) String credentialId, Boolean sensitive) {
    }

    record Lock(@NotBlank @Size(max = 500) String reason) {
    }

    record Unlock(@Size(max = 500) String reason) {
    }
}
