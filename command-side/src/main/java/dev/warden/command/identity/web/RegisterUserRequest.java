package dev.warden.command.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/users}. */
record RegisterUserRequest(@NotBlank @Email @Size(max = 254) String email,
                           @NotBlank @Size(max = 100) String displayName) {
}
