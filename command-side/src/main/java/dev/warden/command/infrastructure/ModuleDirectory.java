package dev.warden.command.infrastructure;

import dev.warden.command.support.UniqueNames;
import dev.warden.events.shared.IdKind;
import org.springframework.stereotype.Component;

/** Which module a publication is for: the id of the module with these coordinates, or a new one. */
@Component
public class ModuleDirectory {

    private final UniqueNames names;

    ModuleDirectory(UniqueNames names) {
        this.names = names;
    }

    /** The id of the organization's module {@code namespace/name/provider} (ignoring case), or a new id. */
    public String moduleIdFor(String organizationId, String namespace, String name, String provider) {
        if (namespace == null || name == null || provider == null) {
            return IdKind.MODULE.next();
        }
        return names.ownerOf(ModuleRules.scope(organizationId), ModuleRules.key(namespace, name, provider))
                .orElseGet(IdKind.MODULE::next);
    }
}
