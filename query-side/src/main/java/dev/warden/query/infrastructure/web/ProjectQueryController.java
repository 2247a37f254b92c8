package dev.warden.query.infrastructure.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.infrastructure.ProjectQueries;
import dev.warden.query.infrastructure.ProjectView;
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

/** Queries of an organization's projects and of a project's workspaces. Each accepts {@code minPosition}. */
@RestController
@RequestMapping("/api/orgs/{orgId}/projects")
class ProjectQueryController {

    private final ProjectQueries projects;
    private final WorkspaceQueries workspaces;
    private final ReadGuard guard;

    ProjectQueryController(ProjectQueries projects, WorkspaceQueries workspaces, ReadGuard guard) {
        this.projects = projects;
        this.workspaces = workspaces;
        this.guard = guard;
    }

    /** The organization's projects, newest first, archived ones included. */
    @Requires("projects:read")
    @GetMapping
    Page<ProjectView> projects(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> projects.projects(orgId, page));
    }

    @Requires("projects:read")
    @GetMapping("/{projectId}")
    ProjectView project(@PathVariable String orgId, @PathVariable String projectId,
                        @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return projects.project(orgId, projectId).orElseThrow(() -> IdKind.PROJECT.notFound(projectId));
    }

    /** The project's workspaces, newest first; another organization's project answers as missing. */
    @Requires("workspaces:read")
    @GetMapping("/{projectId}/workspaces")
    Page<WorkspaceView> workspaces(@PathVariable String orgId, @PathVariable String projectId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            if (!projects.exists(orgId, projectId)) {
                throw IdKind.PROJECT.notFound(projectId);
            }
            return workspaces.ofProject(orgId, projectId, page);
        });
    }
}
