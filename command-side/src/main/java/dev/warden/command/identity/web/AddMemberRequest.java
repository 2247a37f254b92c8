package dev.warden.command.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/orgs/{orgId}/members}. */
record AddMemberRequest(@NotBlank @Size(max = 64) String userId) {
}
