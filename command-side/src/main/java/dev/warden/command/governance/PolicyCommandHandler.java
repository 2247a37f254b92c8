package dev.warden.command.governance;

import dev.warden.events.governance.ChangePolicyRulesCommand;
import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.DeletePolicyCommand;
import dev.warden.events.governance.DisablePolicyCommand;
import dev.warden.events.governance.EnablePolicyCommand;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.ReorderPolicyRulesCommand;
import dev.warden.events.governance.RuleChecks;
import dev.warden.events.governance.UpdatePolicyCommand;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A policy's life: created with checked rules, its rules changed or reordered (new versions), its name,
 * description, mode and priority updated, enabled, disabled and deleted. Whatever changes a policy
 * also rewrites its organization's {@link PolicyRevisions} row in the same transaction, so the next
 * decision of any instance evaluates the change.
 */
@Component
class PolicyCommandHandler {

    private final Repository<Policy> policies;
    private final PolicyRevisions revisions;

    PolicyCommandHandler(@Qualifier("policyRepository") Repository<Policy> policies, PolicyRevisions revisions) {
        this.policies = policies;
        this.revisions = revisions;
    }

    @CommandHandler
    void handle(CreatePolicyCommand command) throws Exception {
        String name = PolicyRules.name(command.name());
        String description = PolicyRules.description(command.description());
        PolicyMode mode = command.mode() == null ? PolicyMode.ENFORCE : command.mode();
        int priority = PolicyRules.priority(command.priority(), CreatePolicyCommand.DEFAULT_PRIORITY);
        List<PolicyRule> rules = RuleChecks.check(command.rules());
        var policy = policies.newInstance(() -> new Policy(command, name, description, mode, priority, rules));
        revisions.put(command.organizationId(), command.policyId(), policy.invoke(Policy::current));
    }

    @CommandHandler
    void handle(ChangePolicyRulesCommand command) {
        List<PolicyRule> rules = RuleChecks.check(command.rules());
        change(command.policyId(), command.organizationId(), p -> p.changeRules(command, rules));
    }

    @CommandHandler
    void handle(ReorderPolicyRulesCommand command) {
        change(command.policyId(), command.organizationId(),
                p -> p.reorder(command.expectedVersion(), command.ruleNames()));
    }

    @CommandHandler
    void handle(UpdatePolicyCommand command) {
        String name = command.name() == null ? null : PolicyRules.name(command.name());
        String description = command.description() == null ? null : PolicyRules.description(command.description());
        change(command.policyId(), command.organizationId(), p -> p.update(command, name, description));
    }

    @CommandHandler
    void handle(EnablePolicyCommand command) {
        change(command.policyId(), command.organizationId(), Policy::enable);
    }

    @CommandHandler
    void handle(DisablePolicyCommand command) {
        change(command.policyId(), command.organizationId(), Policy::disable);
    }

    @CommandHandler
    void handle(DeletePolicyCommand command) {
        change(command.policyId(), command.organizationId(), Policy::delete);
    }

    /** Applies {@code change} to the organization's policy and, when it changed it, rewrites the revision row. */
    private void change(String policyId, String organizationId, Predicate<Policy> change) {
        var policy = Policy.load(policies, policyId, organizationId);
        if (policy.invoke(change::test)) {
            revisions.put(organizationId, policyId, policy.invoke(Policy::current));
        }
    }
}
