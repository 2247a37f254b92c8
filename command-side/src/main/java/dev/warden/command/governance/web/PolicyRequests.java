package dev.warden.command.governance.web;

import dev.warden.events.governance.Effect;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.WrittenRule;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * Bodies of the policy endpoints. Rules are read as written ({@link WrittenRule}): an unknown effect or
 * operator is refused by the rule checks naming the rule, like every other fault of a rule.
 */
final class PolicyRequests {

    private PolicyRequests() {
    }

    record Create(String name, String description, String mode, Integer priority, @NotNull List<WrittenRule> rules) {
    }

    record ChangeRules(@NotNull List<WrittenRule> rules, @Positive Integer expectedVersion) {
    }

    record Reorder(@NotNull List<String> ruleNames, @Positive Integer expectedVersion) {
    }

    record Update(String name, String description, String mode, Integer priority) {
    }

    record DefaultEffect(String effect) {
    }

    /** A default effect: {@code allow} or {@code deny}. */
    static Effect defaultEffect(String effect) {
        Effect parsed = Effect.ofWire(effect);
        if (parsed != Effect.ALLOW && parsed != Effect.DENY) {
            throw new DomainException(GovernanceErrorCode.INVALID_POLICY, "The default effect is allow or deny, not '"
                    + Text.excerpt(effect) + "'");
        }
        return parsed;
    }
}
