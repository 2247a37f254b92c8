package dev.warden.command.access;

import dev.warden.command.support.UniqueNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The ids of the seeded system roles. They are random like every id, found through the claim on
 * their name, and never change once seeded.
 */
@Component
public class SystemRoles {

    private final UniqueNames names;
    private final Map<String, String> ids = new ConcurrentHashMap<>();

    SystemRoles(UniqueNames names) {
        this.names = names;
    }

    public String admin() {
        return id("Admin");
    }

    public String viewer() {
        return id("Viewer");
    }

    private String id(String name) {
        return ids.computeIfAbsent(name, n -> names.ownerOf(RoleRules.SYSTEM_ROLE_SCOPE,
                        RoleRules.nameKey(n))
                .orElseThrow(() -> new IllegalStateException("The system roles are not seeded yet (run 'db seed')")));
    }
}
