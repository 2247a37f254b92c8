package dev.warden.command.infrastructure.web;

import dev.warden.events.infrastructure.DriftedResource;
import dev.warden.events.infrastructure.ResourceCounts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Bodies of what runners and checkers report. The words (operation, status, trigger, change) and
 * the counts are checked by the domain, which lists the allowed ones when refusing.
 */
final class RunRequests {

    private RunRequests() {
    }

    record Record(@NotBlank @Size(max = 20) String operation, @Size(max = 20) String status,
                  @Size(max = 20) String trigger, ResourceCounts resources) {
    }

    record Status(@NotBlank @Size(max = 20) String status, ResourceCounts resources) {
    }

    /** Resources name attributes, never values: a body with anything else is refused as malformed. */
    record DriftCheck(@NotBlank @Size(max = 20) String status, @Size(max = 1000) List<DriftedResource> resources,
                      Integer resourcesChecked, @Size(max = 2000) String summary, @Size(max = 20) String trigger) {
    }
}
