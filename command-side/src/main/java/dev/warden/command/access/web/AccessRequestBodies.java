package dev.warden.command.access.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the access-request endpoints. */
final class AccessRequestBodies {

    private AccessRequestBodies() {
    }

    record Request(@NotBlank @Size(max = 64) String roleId, @NotBlank @Size(max = 1000) String justification) {
    }

    record Decision(@Size(max = 1000) String reason) {
    }
}
