package dev.warden.command.governance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.command.support.Aggregates;
import dev.warden.events.governance.ChangePolicyRulesCommand;
import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.governance.PolicyCreatedEvent;
import dev.warden.events.governance.PolicyDeletedEvent;
import dev.warden.events.governance.PolicyDisabledEvent;
import dev.warden.events.governance.PolicyEnabledEvent;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicyRulesChangedEvent;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.governance.PolicyUpdatedEvent;
import dev.warden.events.governance.UpdatePolicyCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A policy: an ordered list of checked rules of one organization, with a mode and a priority. Its
 * version counts the rule lists it has had (1 on creation; every change of the rules or of their order
 * is the next one; a change that changes nothing is none). A deleted policy refuses everything with
 * POLICY_DELETED; another organization's looks missing. The methods answer whether they changed it.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class Policy {

    @AggregateIdentifier
    private String policyId;
    private String organizationId;
    private String name;
    private String description;
    private PolicyMode mode;
    private int priority;
    private int version;
    private boolean enabled;
    private boolean deleted;
    private long createdAt;
    private List<PolicyRule> rules = new ArrayList<>();

    protected Policy() {
    }

    /** Creates the policy at version 1, enabled; the caller has checked every part. */
    Policy(CreatePolicyCommand command, String name, String description, PolicyMode mode, int priority,
           List<PolicyRule> rules) {
        apply(new PolicyCreatedEvent(command.policyId(), command.organizationId(), name, description, mode, priority,
                rules));
    }

    /** The policy {@code policyId} of {@code organizationId}; another organization's is refused as missing. */
    static org.axonframework.modelling.command.Aggregate<Policy> load(Repository<Policy> policies, String policyId,
                                                                     String organizationId) {
        var policy = Aggregates.load(policies, IdKind.POLICY.require(policyId));
        if (!policy.invoke(p -> Objects.equals(p.organizationId, organizationId))) {
            throw IdKind.POLICY.notFound(policyId);
        }
        return policy;
    }

    boolean changeRules(ChangePolicyRulesCommand command, List<PolicyRule> checked) {
        requireLive();
        requireVersion(command.expectedVersion());
        return newVersion(checked);
    }

    boolean reorder(Integer expectedVersion, List<String> ruleNames) {
        requireLive();
        requireVersion(expectedVersion);
        return newVersion(PolicyRules.reordered(rules, ruleNames));
    }

    /** Changes what the command gives (null parts stay); the caller has checked the given text. */
    boolean update(UpdatePolicyCommand command, String newName, String newDescription) {
        requireLive();
        String nextName = newName == null ? name : newName;
        String nextDescription = newDescription == null ? description : newDescription;
        PolicyMode nextMode = command.mode() == null ? mode : command.mode();
        int nextPriority = PolicyRules.priority(command.priority(), priority);
        if (nextName.equals(name) && Objects.equals(nextDescription, description) && nextMode == mode
                && nextPriority == priority) {
            return false;
        }
        apply(new PolicyUpdatedEvent(policyId, organizationId, nextName, nextDescription, nextMode, nextPriority));
        return true;
    }

    boolean enable() {
        requireLive();
        boolean was = enabled;
        if (!was) {
            apply(new PolicyEnabledEvent(policyId, organizationId));
        }
        return !was;
    }

    boolean disable() {
        requireLive();
        boolean was = enabled;
        if (was) {
            apply(new PolicyDisabledEvent(policyId, organizationId));
        }
        return was;
    }

    boolean delete() {
        requireLive();
        apply(new PolicyDeletedEvent(policyId, organizationId, name));
        return true;
    }

    /** What decisions evaluate of this policy: its current version, or null once it is deleted. */
    PolicySet.Policy current() {
        return deleted ? null : new PolicySet.Policy(policyId, version, priority, createdAt, mode, enabled,
                List.copyOf(rules));
    }

    String organizationId() {
        return organizationId;
    }

    private boolean newVersion(List<PolicyRule> next) {
        if (next.equals(rules)) {
            return false;
        }
        apply(new PolicyRulesChangedEvent(policyId, organizationId, version + 1, next));
        return true;
    }

    private void requireLive() {
        if (deleted) {
            throw new DomainException(GovernanceErrorCode.POLICY_DELETED, "The policy was deleted; nothing changes it"
                    + " any more");
        }
    }

    private void requireVersion(Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainException(GovernanceErrorCode.POLICY_VERSION_CONFLICT, "The policy is at version "
                    + version + ", not " + expectedVersion + "; read it again and retry");
        }
    }

    @EventSourcingHandler
    void on(PolicyCreatedEvent event, @Timestamp Instant at) {
        policyId = event.policyId();
        organizationId = event.organizationId();
        name = event.name();
        description = event.description();
        mode = event.mode();
        priority = event.priority();
        rules = new ArrayList<>(event.rules());
        version = 1;
        enabled = true;
        createdAt = at.toEpochMilli();
    }

    @EventSourcingHandler
    void on(PolicyRulesChangedEvent event) {
        rules = new ArrayList<>(event.rules());
        version = event.version();
    }

    @EventSourcingHandler
    void on(PolicyUpdatedEvent event) {
        name = event.name();
        description = event.description();
        mode = event.mode();
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(PolicyEnabledEvent event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(PolicyDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(PolicyDeletedEvent event) {
        deleted = true;
    }
}
