package dev.warden.query.infrastructure.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.infrastructure.DriftCheckView;
import dev.warden.query.infrastructure.RunQueries;
import dev.warden.query.infrastructure.RunView;
import dev.warden.query.infrastructure.WorkspaceQueries;
import dev.warden.query.infrastructure.WorkspaceView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of an organization's workspaces, their runs and drift history, and the workspaces whose
 * latest drift check found drift. A workspace of another organization answers as missing, and so do
 * its runs and checks. Each accepts {@code minPosition}.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class WorkspaceQueryController {

    private final WorkspaceQueries workspaces;
    private final RunQueries runs;
    private final ReadGuard guard;

    WorkspaceQueryController(WorkspaceQueries workspaces, RunQueries runs, ReadGuard guard) {
        this.workspaces = workspaces;
        this.runs = runs;
        this.guard = guard;
    }

    /** The organization's workspaces, newest first. */
    @Requires("workspaces:read")
    @GetMapping("/workspaces")
    Page<WorkspaceView> workspaces(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> workspaces.workspaces(orgId, page));
    }

    @Requires("workspaces:read")
    @GetMapping("/workspaces/{workspaceId}")
    WorkspaceView workspace(@PathVariable String orgId, @PathVariable String workspaceId,
                            @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return workspaces.workspace(orgId, workspaceId).orElseThrow(() -> IdKind.WORKSPACE.notFound(workspaceId));
    }

    /** The workspace's runs, newest first. */
    @Requires("workspaces:read")
    @GetMapping("/workspaces/{workspaceId}/runs")
    Page<RunView> runs(@PathVariable String orgId, @PathVariable String workspaceId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> runs.runs(orgId, requireWorkspace(orgId, workspaceId), page));
    }

    @Requires("workspaces:read")
    @GetMapping("/workspaces/{workspaceId}/runs/{runId}")
    RunView run(@PathVariable String orgId, @PathVariable String workspaceId, @PathVariable String runId,
                @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return runs.run(orgId, requireWorkspace(orgId, workspaceId), runId)
                .orElseThrow(() -> IdKind.RUN.notFound(runId));
    }

    /** The workspace's drift checks, newest first. */
    @Requires("drift:read")
    @GetMapping("/workspaces/{workspaceId}/drift-checks")
    Page<DriftCheckView> driftChecks(@PathVariable String orgId, @PathVariable String workspaceId,
                                     PageParameters list) {
        return guard.organizationPage(orgId, list,
                page -> runs.driftChecks(orgId, requireWorkspace(orgId, workspaceId), page));
    }

    @Requires("drift:read")
    @GetMapping("/workspaces/{workspaceId}/drift-checks/{checkId}")
    DriftCheckView driftCheck(@PathVariable String orgId, @PathVariable String workspaceId,
                              @PathVariable String checkId, @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return runs.driftCheck(orgId, requireWorkspace(orgId, workspaceId), checkId)
                .orElseThrow(() -> IdKind.DRIFT_CHECK.notFound(checkId));
    }

    /** The workspaces whose latest drift check found drift (archived ones left out), latest check first. */
    @Requires("drift:read")
    @GetMapping("/drifted-workspaces")
    Page<WorkspaceView> drifted(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> workspaces.drifted(orgId, page));
    }

    private String requireWorkspace(String orgId, String workspaceId) {
        if (!workspaces.exists(orgId, workspaceId)) {
            throw IdKind.WORKSPACE.notFound(workspaceId);
        }
        return workspaceId;
    }
}
