package dev.warden.command.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/orgs/{orgId}/roles/{roleId}}. {@code expectedVersion}, when given, must be
 * the role's current version (as the role query shows it), or the rename is refused with 409.
 */
record RenameRoleRequest(@NotBlank @Size(max = 64) String name, @PositiveOrZero Long expectedVersion) {
}
