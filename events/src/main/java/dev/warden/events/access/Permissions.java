package dev.warden.events.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The system permission catalogue, for every context of Warden, and the permission sets of the
 * default roles. The seeder registers the catalogue and the default roles through commands, so
 * both are in the log; this class is their single definition.
 */
public final class Permissions {

    /** The identifier of the one permission catalogue aggregate. */
    public static final String CATALOGUE_ID = "permission-catalogue";

    public static final List<PermissionDefinition> CATALOGUE = List.of(
            p("users", "read", "See users"),
            p("users", "write", "Register, change and deactivate users"),
            p("organizations", "read", "See the organization"),
            p("organizations", "write", "Rename the organization"),
            p("members", "read", "See members and their roles"),
            p("members", "write", "Add, remove and change members"),
            p("sessions", "read", "See sign-in sessions"),
            p("sessions", "write", "Revoke sign-in sessions"),
            p("api-keys", "read", "See API keys (never their secrets)"),
            p("api-keys", "write", "Issue and revoke API keys"),
            p("roles", "read", "See roles and their permissions"),
            p("roles", "write", "Create, rename, delete roles; grant and revoke permissions; assign roles"),
            p("access-requests", "read", "See access requests"),
            p("access-requests", "write", "Request access"),
            p("access-requests", "approve", "Approve or deny access requests"),
            p("projects", "read", "See projects"),
            p("projects", "write", "Create and change projects"),
            p("workspaces", "read", "See Terraform workspaces"),
            p("workspaces", "write", "Create and change Terraform workspaces, lock and unlock them"),
            p("workspaces", "unlock", "Unlock a workspace someone else locked"),
            p("workspaces", "run", "Record Terraform runs (runners' API keys)"),
            p("tickets", "read", "See tickets"),
            p("tickets", "write", "Open and change tickets"),
            p("modules", "read", "See the module registry"),
            p("modules", "publish", "Publish module versions"),
            p("drift", "read", "See drift history"),
            p("drift", "write", "Record drift checks"),
            p("conversations", "read", "See AI conversations"),
            p("conversations", "write", "Start conversations and post messages"),
            p("conversations", "approve", "Approve or reject tool calls an assistant proposes"),
            p("credentials", "read", "See credential metadata (never secrets)"),
            p("credentials", "write", "Store, rotate and revoke credentials"),
            p("credentials", "reveal", "Reveal a credential's secret"),
            p("mcp-servers", "read", "See MCP servers"),
            p("mcp-servers", "write", "Register and suspend MCP servers"),
            p("mcp-servers", "approve", "Approve a changed tool definition an MCP server presents"),
            p("policies", "read", "See governance policies"),
            p("policies", "write", "Create and change governance policies"),
            p("agent-sessions", "read", "See agent sessions and tool-call decisions"),
            p("agent-sessions", "write", "Open and close agent sessions, ask for decisions on tool calls"),
            p("agent-sessions", "approve", "Approve or deny agents' tool calls that need approval"),
            p("baa", "read", "See HIPAA business associate agreements"),
            p("baa", "write", "Record business associate agreements"),
            p("ai-systems", "read", "See the EU AI Act system registry"),
            p("ai-systems", "write", "Register and classify AI systems"),
            p("audit", "read", "Read the audit trail"),
            p("admin", "replay", "Rebuild read models by replay"),
            p("admin", "restore", "Restore read models as of a past moment"));

    /** What Editors and Viewers do not read: the audit trail, and members' sessions (addresses, devices). */
    private static final Set<String> PRIVATE_READS = Set.of("audit", "sessions");

    private static final Map<String, PermissionDefinition> BY_NAME = CATALOGUE.stream()
            .collect(Collectors.toUnmodifiableMap(PermissionDefinition::name, Function.identity()));

    /** Default roles: name, description and permissions, in the order they are seeded. */
    public static final List<DefaultRole> DEFAULT_ROLES = List.of(
            new DefaultRole("Admin", "Everything, including roles, audit and restore", select(d -> true)),
            new DefaultRole("Manager", "Runs the organization's work and decides access requests, no administration",
                    select(d -> !d.resource().equals("admin") && !d.name().equals("credentials:reveal")
                            && !d.name().equals("roles:write") && !d.name().equals("workspaces:unlock"))),
            new DefaultRole("Editor", "Changes infrastructure, conversations and agents; reads the rest but audit and sessions",
                    select(d -> d.action().equals("read") && !PRIVATE_READS.contains(d.resource())
                            || Set.of("projects:write", "workspaces:write", "workspaces:run", "tickets:write",
                                    "modules:publish", "drift:write", "conversations:write", "conversations:approve",
                                    "agent-sessions:write", "access-requests:write").contains(d.name()))),
            new DefaultRole("Viewer", "Reads everything but the audit trail and sessions; may request access",
                    select(d -> d.action().equals("read") && !PRIVATE_READS.contains(d.resource())
                            || d.name().equals("access-requests:write"))));

    private Permissions() {
    }

    /** Whether {@code name} is a permission of the catalogue. */
    public static boolean isKnown(String name) {
        return name != null && BY_NAME.containsKey(name);
    }

    /** Whether {@code name} is the name of a default (system) role, ignoring case and surrounding blanks. */
    public static boolean isDefaultRoleName(String name) {
        return name != null && DEFAULT_ROLES.stream().anyMatch(r -> r.name().equalsIgnoreCase(name.strip()));
    }

    private static PermissionDefinition p(String resource, String action, String description) {
        return new PermissionDefinition(resource, action, description);
    }

    private static Set<String> select(Predicate<PermissionDefinition> filter) {
        return CATALOGUE.stream().filter(filter).map(PermissionDefinition::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A system role as seeded on first start. */
    public record DefaultRole(String name, String description, Set<String> permissions) {
    }
}
