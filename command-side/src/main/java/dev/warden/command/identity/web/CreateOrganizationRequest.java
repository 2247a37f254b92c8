package dev.warden.command.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orgs}. */
record CreateOrganizationRequest(@NotBlank @Size(max = 100) String name) {
}
