package dev.warden.query.infrastructure;

import java.time.Instant;
import java.util.List;

/**
 * A workspace as the API shows it: its settings and variables (by name), {@code status}
 * ({@code active}, {@code locked} or {@code archived}) with who locked it and why, and the latest
 * drift check ({@code driftStatus} {@code no-drift}, {@code drifted} or {@code failed}; {@code null}
 * before the first).
 */
public record WorkspaceView(String id, String organizationId, String projectId, String name, String environment,
                            String terraformVersion, String workingDirectory, String vcsRepository,
                            String vcsBranch, boolean autoApply, List<VariableView> variables, String status,
                            String lockedBy, String lockReason, Instant lockedAt, Instant archivedAt,
                            String driftStatus, Instant driftCheckedAt, String driftCheckId, Instant createdAt,
                            Instant updatedAt) {
}
