package dev.warden.events.infrastructure;

import dev.warden.events.shared.OrganizationScoped;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the outcome of comparing a workspace's state with the real infrastructure. Sent by a
 * member or key with {@code drift:write}. {@code status} is {@code no-drift}, {@code drifted} (naming
 * at least one changed resource) or {@code failed} (naming none; the summary says why);
 * {@code resourcesChecked}, when given, is at least the number of changed resources. {@code trigger}
 * is {@code manual}, {@code schedule} or {@code api}; {@code triggeredBy} the caller.
 */
public record RecordDriftCheckCommand(@TargetAggregateIdentifier String workspaceId,
                                      String organizationId,
                                      String checkId,
                                      String status,
                                      List<DriftedResource> resources,
                                      Integer resourcesChecked,
                                      String summary,
                                      String trigger,
                                      String triggeredBy) implements OrganizationScoped {
}
