package dev.warden.command.governance;

import dev.warden.events.governance.PolicySet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@link RuleBook} on {@link PolicyRevisions}: per organization the set compiled at some revision. A
 * decision reads the organization's revision (in its transaction) and uses the compiled set when it is
 * of that revision, else reads the row and compiles it. So a change committed by any instance is seen
 * by the next decision anywhere, and a set is compiled once per change and instance.
 */
@Component
class CompiledRuleBook implements RuleBook {

    private static final PolicySet NONE = PolicySet.empty();

    private record Compiled(long revision, PolicySet set) {
    }

    private final PolicyRevisions revisions;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    CompiledRuleBook(PolicyRevisions revisions) {
        this.revisions = revisions;
    }

    @Override
    public PolicySet current(String organizationId) {
        long revision = revisions.revision(organizationId);
        if (revision == 0) {
            return NONE;
        }
        Compiled known = compiled.get(organizationId);
        if (known != null && known.revision() == revision) {
            return known.set();
        }
        PolicyRevisions.Stored stored = revisions.read(organizationId);
        Compiled fresh = new Compiled(stored.revision(), PolicySet.of(stored.policies(), stored.defaultEffect()));
        // Two decisions may compile at once; the later revision stays.
        compiled.merge(organizationId, fresh, (old, next) -> next.revision() >= old.revision() ? next : old);
        return fresh.set();
    }
}
