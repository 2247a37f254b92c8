package dev.warden.events.governance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's enabled policies, compiled for evaluation: immutable, built once per change and
 * shared by every decision. Policies are taken in order of priority (then creation), each policy's
 * rules in their order; the first enforce-mode rule that matches decides. A {@code monitor}-mode policy
 * decides nothing: its first matching rule ahead of the deciding one is recorded as what would have
 * happened (the monitored effect). When no enforce rule matches, the organization's default decides
 * (deny unless set). A
 * {@code matches} pattern that gives up on a call's arguments counts as a match that denies (in monitor
 * mode: would deny), unless another condition of its rule does not hold. Missing arguments are {@code {}}.
 */
public final class PolicySet {

    /** One version of a policy, as a projection or an aggregate knows it. */
    public record Policy(String policyId, int version, int priority, long createdAt, PolicyMode mode,
                         boolean enabled, List<PolicyRule> rules) {
    }

    /** The facts a decision is about. {@code roles} are the ids of the caller's roles in the organization. */
    public record Call(String mcpServerId, String toolName, Map<String, Object> arguments, String userId,
                       String apiKeyId, String aiSystemId, Set<String> roles) {
    }

    /**
     * What the rules say: the effect to apply, the rule that said it (all null for the default), and
     * what a monitor-mode rule would have done.
     */
    public record Verdict(Effect effect, String policyId, Integer policyVersion, String ruleName,
                          Effect monitoredEffect, String reason) {
    }

    /** What nothing and no one configured: deny (fail closed). */
    public static final Effect DEFAULT_DEFAULT = Effect.DENY;

    private final List<CompiledPolicy> policies;
    private final List<Policy> sources;
    private final Effect defaultEffect;

    private PolicySet(List<Policy> sources, Effect defaultEffect) {
        this.sources = sources;
        this.defaultEffect = defaultEffect == null ? DEFAULT_DEFAULT : defaultEffect;
        this.policies = sources.stream().filter(Policy::enabled).map(CompiledPolicy::new).toList();
    }

    /** Compiles {@code policies} (enabled or not); their rules must have passed {@link RuleChecks}. */
    public static PolicySet of(Collection<Policy> policies, Effect defaultEffect) {
        List<Policy> ordered = new ArrayList<>(policies);
        ordered.sort(Comparator.comparingInt(Policy::priority).thenComparingLong(Policy::createdAt)
                .thenComparing(Policy::policyId));
        return new PolicySet(List.copyOf(ordered), defaultEffect);
    }

    /** No policy, the default default. */
    public static PolicySet empty() {
        return of(List.of(), null);
    }

    /** This set with {@code proposed} in place of the policy of the same id (or added): for a dry run. */
    public PolicySet with(Policy proposed) {
        List<Policy> next = new ArrayList<>(sources.stream().filter(p -> !p.policyId().equals(proposed.policyId()))
                .toList());
        next.add(proposed);
        return of(next, defaultEffect);
    }

    public List<Policy> policies() {
        return sources;
    }

    public Effect defaultEffect() {
        return defaultEffect;
    }

    /**
     * The verdict on {@code call}. Enforce-mode rules and the default decide; the first rule of a
     * monitor-mode policy that matches before the deciding one is what would have happened had that
     * policy been enforced: its effect is recorded as the monitored effect, and it changes nothing, so
     * adding a policy in monitor mode never loosens or tightens what is enforced.
     */
    public Verdict evaluate(Call call) {
        String monitored = null;
        Effect monitoredEffect = null;
        for (CompiledPolicy policy : policies) {
            boolean monitor = policy.source.mode() == PolicyMode.MONITOR;
            if (monitor && monitoredEffect != null) {
                continue;
            }
            for (CompiledRule rule : policy.rules) {
                RuleMatch match = rule.match(call);
                if (match == RuleMatch.NO) {
                    continue;
                }
                Policy source = policy.source;
                String said = "rule '" + rule.rule.name() + "' of policy " + source.policyId() + " version "
                        + source.version();
                // A pattern that gave up fails closed: the rule denies (in monitor mode, would deny).
                boolean costly = match == RuleMatch.TOO_COSTLY;
                Effect effect = costly ? Effect.DENY : rule.rule.effect();
                String costlyWhy = costly ? " (a pattern of it took too long on these arguments)" : "";
                if (monitor) {
                    monitoredEffect = effect;
                    monitored = "; in monitor mode, " + said + costlyWhy + " would " + effect.wire();
                    break;
                }
                return new Verdict(effect, source.policyId(), source.version(), rule.rule.name(), monitoredEffect,
                        (costly ? "Denied by " : "Matched ") + said + costlyWhy + ": " + effect.wire()
                                + (monitored == null ? "" : monitored));
            }
        }
        return new Verdict(defaultEffect, null, null, null, monitoredEffect,
                "No rule matched; the organization's default is " + defaultEffect.wire()
                        + (monitored == null ? "" : monitored));
    }

    private static final class CompiledPolicy {
        final Policy source;
        final List<CompiledRule> rules;

        CompiledPolicy(Policy source) {
            this.source = source;
            this.rules = (source.rules() == null ? List.<PolicyRule>of() : source.rules()).stream()
                    .map(CompiledRule::new).toList();
        }
    }
}
