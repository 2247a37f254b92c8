package dev.warden.command.infrastructure.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of the ticket endpoints. The ticket checks every field again, with its own codes. */
final class TicketRequests {

    private TicketRequests() {
    }

    /** {@code POST /api/orgs/{orgId}/tickets}. */
    record Open(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
                @Size(max = 32) String priority, @Size(max = 64) String projectId,
                @Size(max = 64) String workspaceId) {
    }

    /** {@code PUT .../tickets/{ticketId}/assignee}. */
    record Assign(@NotBlank @Size(max = 64) String userId) {
    }

    /** {@code POST .../tickets/{ticketId}/comments}. */
    record Comment(@NotBlank @Size(max = 10_000) String body) {
    }

    /** {@code PUT .../tickets/{ticketId}/status}. */
    record Move(@NotBlank @Size(max = 32) String status) {
    }
}
