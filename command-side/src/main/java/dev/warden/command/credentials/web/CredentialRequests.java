package dev.warden.command.credentials.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * Bodies of the credentials endpoints. Bean validation catches the shape (presence, sizes); the
 * domain checks the rest (field definitions, values against their type). A value is never quoted
 * back in a refusal.
 */
final class CredentialRequests {

    private CredentialRequests() {
    }

    /** A field of a new credential type: {@code secret} and {@code required} default to false. */
    record Field(@NotBlank @Size(max = 64) String name, Boolean secret, Boolean required,
                 @Size(max = 500) String pattern) {
    }

    record CreateType(@NotBlank @Size(max = 100) String name, @Size(max = 16) String provider,
                      @Size(max = 2000) String description, @NotNull @Size(max = 30) List<@NotNull @Valid Field> fields) {
    }

    record StoreCloud(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
                      @NotBlank @Size(max = 16) String provider, @NotBlank @Size(max = 64) String credentialTypeId,
                      @NotNull @Size(max = 30) Map<@NotNull @Size(max = 64) String, @NotNull String> values) {
    }

    record StoreApp(@NotBlank @Size(max = 100) String name, @Size(max = 2000) String description,
                    @NotBlank @Size(max = 64) String credentialTypeId,
                    @NotNull @Size(max = 30) Map<@NotNull @Size(max = 64) String, @NotNull String> values) {
    }

    record Rotate(@NotNull @Size(max = 30) Map<@NotNull @Size(max = 64) String, @NotNull String> values) {
    }
}
