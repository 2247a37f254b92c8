package dev.warden.command.infrastructure.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Bodies of the project endpoints. Bean validation catches the shape (presence, length); the domain
 * checks the rest (characters, label keys).
 */
final class ProjectRequests {

    private ProjectRequests() {
    }

    record Create(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
                  @Size(max = 50) Map<@NotNull @Size(max = 63) String, @NotNull @Size(max = 255) String> labels) {
    }

    record Rename(@NotBlank @Size(max = 100) String name) {
    }

    record Describe(@Size(max = 2000) String description) {
    }

    record Label(@NotNull @Size(max = 50) Map<@NotNull @Size(max = 63) String, @NotNull @Size(max = 255) String> labels) {
    }
}
