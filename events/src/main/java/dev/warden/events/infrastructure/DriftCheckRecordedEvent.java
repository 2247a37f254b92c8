package dev.warden.events.infrastructure;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A drift check of a workspace was recorded: its status ({@code no-drift}, {@code drifted},
 * {@code failed}), the resources changed outside Terraform (names of attributes, never values), how
 * many resources were checked, a summary ({@code ""} when none), the trigger and who triggered it.
 */
@Revision("1")
public record DriftCheckRecordedEvent(String workspaceId,
                                      String organizationId,
                                      String projectId,
                                      String checkId,
                                      String status,
                                      List<DriftedResource> resources,
                                      int resourcesChecked,
                                      String summary,
                                      String trigger,
                                      String triggeredBy) {
}
