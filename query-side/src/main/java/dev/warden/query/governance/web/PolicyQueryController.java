package dev.warden.query.governance.web;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import dev.warden.query.governance.DryRunReport;
import dev.warden.query.governance.GovernanceSettingsView;
import dev.warden.query.governance.PolicyDryRun;
import dev.warden.query.governance.PolicyQueries;
import dev.warden.query.governance.PolicyVersionView;
import dev.warden.query.governance.PolicyView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of an organization's policies, their versions and its default effect, and the dry run: a
 * {@code POST} because it takes a proposed policy as its body, but a query all the same (it changes nothing
 * and runs where the read models are). Each accepts {@code minPosition}; another organization's policy looks
 * missing.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class PolicyQueryController {

    private final PolicyQueries policies;
    private final PolicyDryRun dryRun;
    private final ReadGuard guard;

    PolicyQueryController(PolicyQueries policies, PolicyDryRun dryRun, ReadGuard guard) {
        this.policies = policies;
        this.dryRun = dryRun;
        this.guard = guard;
    }

    /** The organization's policies in the order decisions evaluate them (priority, then creation), but deleted ones. */
    @Requires("policies:read")
    @GetMapping("/policies")
    Page<PolicyView> policies(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> policies.policies(orgId, page));
    }

    /** One policy at its current version; a deleted one is shown marked so. */
    @Requires("policies:read")
    @GetMapping("/policies/{policyId}")
    PolicyView policy(@PathVariable String orgId, @PathVariable String policyId,
                      @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return existing(orgId, policyId);
    }

    /** A policy's versions, newest first. */
    @Requires("policies:read")
    @GetMapping("/policies/{policyId}/versions")
    Page<PolicyVersionView> versions(@PathVariable String orgId, @PathVariable String policyId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> {
            existing(orgId, policyId);
            return policies.versions(orgId, policyId, page);
        });
    }

    @Requires("policies:read")
    @GetMapping("/policies/{policyId}/versions/{version}")
    PolicyVersionView version(@PathVariable String orgId, @PathVariable String policyId, @PathVariable String version,
                              @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        existing(orgId, policyId);
        return number(version).flatMap(v -> policies.version(orgId, policyId, v))
                .orElseThrow(() -> new DomainException(GovernanceErrorCode.POLICY_VERSION_NOT_FOUND,
                        "The policy has no version " + Text.excerpt(version)));
    }

    /** What a call no rule matches gets: the organization's default effect (deny while nobody set it). */
    @Requires("policies:read")
    @GetMapping("/governance/default-effect")
    GovernanceSettingsView settings(@PathVariable String orgId, @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return policies.settings(orgId);
    }

    /**
     * Evaluates a proposed policy against the decisions recorded from {@code from} to {@code to} and answers
     * which would change, from what to what, how many, with examples. Changes nothing. It opens the recorded
     * arguments and says of each decision whether a rule of the caller's making matches them, so it is for
     * those who write policies ({@code policies:write}): to a reader it would answer any argument a pattern at
     * a time.
     */
    @Requires("policies:write")
    @PostMapping("/policies/dry-run")
    DryRunReport dryRun(@PathVariable String orgId, @RequestBody DryRunRequest body,
                        @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return dryRun.run(orgId, body.proposed(), body.from(), body.to(), body.examples());
    }

    private PolicyView existing(String orgId, String policyId) {
        return policies.policy(orgId, policyId).orElseThrow(() -> IdKind.POLICY.notFound(policyId));
    }

    private static Optional<Integer> number(String version) {
        try {
            return Optional.of(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
