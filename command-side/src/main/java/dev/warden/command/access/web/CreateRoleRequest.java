package dev.warden.command.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Body of {@code POST /api/orgs/{orgId}/roles}. */
record CreateRoleRequest(@NotBlank @Size(max = 64) String name,
                         @Size(max = 500) String description,
                         @Size(max = 100) Set<@NotBlank @Size(max = 64) String> permissions) {
}
