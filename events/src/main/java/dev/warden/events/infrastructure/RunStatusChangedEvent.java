package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A run moved from {@code previousStatus} to {@code status}; {@code resources} are the counts this
 * report gave ({@code null} when it gave none: the earlier ones stand).
 */
@Revision("1")
public record RunStatusChangedEvent(String workspaceId,
                                    String organizationId,
                                    String runId,
                                    String operation,
                                    String status,
                                    String previousStatus,
                                    ResourceCounts resources) {
}
