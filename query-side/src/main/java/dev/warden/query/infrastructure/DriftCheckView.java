package dev.warden.query.infrastructure;

import dev.warden.events.infrastructure.DriftedResource;
import java.time.Instant;
import java.util.List;

/** A recorded drift check of a workspace, with the resources it found changed (attribute names only). */
public record DriftCheckView(String id, String organizationId, String projectId, String workspaceId, String status,
                             List<DriftedResource> resources, int resourcesChecked, int resourcesDrifted,
                             String summary, String trigger, String triggeredBy, Instant checkedAt) {
}
