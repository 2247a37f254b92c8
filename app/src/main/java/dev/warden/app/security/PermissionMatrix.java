package dev.warden.app.security;

import dev.warden.app.security.AccessRules.OrgPermission;
import dev.warden.app.security.AccessRules.Requirement;
import dev.warden.events.shared.EndpointAccess;
import dev.warden.events.shared.KnownPermissions;
import dev.warden.events.shared.KnownPermissions.DefaultRole;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The permission matrix, generated from the rules declared on the endpoints: served as
 * {@code GET /api/access-rules}, and rendered as the README's table (a test keeps the two equal).
 */
@RestController
class PermissionMatrix {

    private static final String ORG = "/api/orgs/{orgId}";

    private final AccessRules rules;
    private final List<DefaultRole> defaultRoles;

    PermissionMatrix(AccessRules rules, KnownPermissions permissions) {
        this.rules = rules;
        this.defaultRoles = permissions.defaultRoles();
    }

    /** One endpoint: who may call it and, for organization endpoints, which default roles may. */
    record Entry(String method, String path, String requires, String permission, List<String> defaultRoles) {
    }

    @EndpointAccess.SignedIn
    @GetMapping("/api/access-rules")
    List<Entry> entries() {
        return rules.all().entrySet().stream().map(this::entry).toList();
    }

    /** The README's table of organization endpoints: endpoint, permission, and a column per default role. */
    String markdown() {
        StringBuilder table = new StringBuilder("| Endpoint (`…` = `" + ORG + "`) | Permission |");
        defaultRoles.forEach(r -> table.append(' ').append(r.name()).append(" |"));
        table.append("\n|---|---|");
        defaultRoles.forEach(r -> table.append(":-:|"));
        for (Map.Entry<String, Requirement> rule : rules.all().entrySet()) {
            if (rule.getValue() instanceof OrgPermission required) {
                String endpoint = rule.getKey().replace(" " + ORG, " …");
                table.append("\n| `").append(endpoint).append("` | `").append(required.permission()).append("` |");
                for (DefaultRole role : defaultRoles) {
                    table.append(role.permissions().contains(required.permission()) ? " ✓ |" : "  |");
                }
            }
        }
        return table.append('\n').toString();
    }

    private Entry entry(Map.Entry<String, Requirement> rule) {
        String method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
        String path = rule.getKey().substring(rule.getKey().indexOf(' ') + 1);
        Requirement requirement = rule.getValue();
        if (requirement instanceof OrgPermission p) {
            return new Entry(method, path, "a permission in the organization", p.permission(),
                    defaultRoles.stream().filter(r -> r.permissions().contains(p.permission()))
                            .map(DefaultRole::name).toList());
        }
        String who = requirement instanceof AccessRules.Public ? "nobody signed in"
                : requirement instanceof AccessRules.Operator ? "an operator"
                : requirement instanceof AccessRules.SelfOrOperator ? "the user themself or an operator"
                : "a signed-in user";
        return new Entry(method, path, who, null, List.of());
    }
}
