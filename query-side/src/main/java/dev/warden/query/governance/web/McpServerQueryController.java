package dev.warden.query.governance.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.governance.McpServerQueries;
import dev.warden.query.governance.McpServerView;
import dev.warden.query.governance.McpToolView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of an organization's MCP servers and the tools each presented, pinned or held. Each accepts
 * {@code minPosition}; another organization's server looks missing.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}/mcp-servers")
class McpServerQueryController {

    private final McpServerQueries servers;
    private final ReadGuard guard;

    McpServerQueryController(McpServerQueries servers, ReadGuard guard) {
        this.servers = servers;
        this.guard = guard;
    }

    /** The organization's servers, newest first, suspended and deregistered ones included. */
    @Requires("mcp-servers:read")
    @GetMapping
    Page<McpServerView> servers(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> servers.servers(orgId, page));
    }

    @Requires("mcp-servers:read")
    @GetMapping("/{serverId}")
    McpServerView server(@PathVariable String orgId, @PathVariable String serverId,
                         @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return servers.server(orgId, serverId).orElseThrow(() -> IdKind.MCP_SERVER.notFound(serverId));
    }

    /** A server's tools by name, with the hash each is pinned to and, for a held one, the changed definition's. */
    @Requires("mcp-servers:read")
    @GetMapping("/{serverId}/tools")
    Page<McpToolView> tools(@PathVariable String orgId, @PathVariable String serverId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            servers.server(orgId, serverId).orElseThrow(() -> IdKind.MCP_SERVER.notFound(serverId));
            return servers.tools(orgId, serverId, page);
        });
    }
}
