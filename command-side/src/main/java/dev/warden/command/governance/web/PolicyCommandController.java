package dev.warden.command.governance.web;

import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.governance.ChangePolicyRulesCommand;
import dev.warden.events.governance.CreatePolicyCommand;
import dev.warden.events.governance.DeletePolicyCommand;
import dev.warden.events.governance.DisablePolicyCommand;
import dev.warden.events.governance.EnablePolicyCommand;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.ReorderPolicyRulesCommand;
import dev.warden.events.governance.SetDefaultEffectCommand;
import dev.warden.events.governance.UpdatePolicyCommand;
import dev.warden.events.governance.WrittenRule;
import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on an organization's policies (create, change or reorder the rules, update, enable,
 * disable, delete) and its default effect. A change of the rules may name the version it was made
 * from ({@code expectedVersion}); a later version meanwhile answers 409 POLICY_VERSION_CONFLICT.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class PolicyCommandController {

    private final CommandSender commands;

    PolicyCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @Requires("policies:write")
    @PostMapping("/policies")
    ResponseEntity<CommandResponse> create(@PathVariable String orgId, @Valid @RequestBody PolicyRequests.Create body) {
        String policyId = IdKind.POLICY.next();
        var position = commands.send(new CreatePolicyCommand(policyId, orgId, body.name(), body.description(),
                PolicyMode.parse(body.mode()), body.priority(), WrittenRule.read(body.rules())));
        return Responses.created(policyId, position, "/api/orgs/" + orgId + "/policies/" + policyId);
    }

    @Requires("policies:write")
    @PutMapping("/policies/{policyId}/rules")
    ResponseEntity<CommandResponse> changeRules(@PathVariable String orgId, @PathVariable String policyId,
                                                @Valid @RequestBody PolicyRequests.ChangeRules body) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new ChangePolicyRulesCommand(policyId, orgId,
                WrittenRule.read(body.rules()), body.expectedVersion())));
    }

    @Requires("policies:write")
    @PutMapping("/policies/{policyId}/rule-order")
    ResponseEntity<CommandResponse> reorder(@PathVariable String orgId, @PathVariable String policyId,
                                            @Valid @RequestBody PolicyRequests.Reorder body) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new ReorderPolicyRulesCommand(policyId, orgId, body.ruleNames(),
                body.expectedVersion())));
    }

    @Requires("policies:write")
    @PatchMapping("/policies/{policyId}")
    ResponseEntity<CommandResponse> update(@PathVariable String orgId, @PathVariable String policyId,
                                           @Valid @RequestBody PolicyRequests.Update body) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new UpdatePolicyCommand(policyId, orgId, body.name(),
                body.description(), PolicyMode.parse(body.mode()), body.priority())));
    }

    @Requires("policies:write")
    @PostMapping("/policies/{policyId}/enable")
    ResponseEntity<CommandResponse> enable(@PathVariable String orgId, @PathVariable String policyId) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new EnablePolicyCommand(policyId, orgId)));
    }

    @Requires("policies:write")
    @PostMapping("/policies/{policyId}/disable")
    ResponseEntity<CommandResponse> disable(@PathVariable String orgId, @PathVariable String policyId) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new DisablePolicyCommand(policyId, orgId)));
    }

    @Requires("policies:write")
    @DeleteMapping("/policies/{policyId}")
    ResponseEntity<CommandResponse> delete(@PathVariable String orgId, @PathVariable String policyId) {
        IdKind.POLICY.require(policyId);
        return Responses.ok(policyId, commands.send(new DeletePolicyCommand(policyId, orgId)));
    }

    @Requires("policies:write")
    @PutMapping("/governance/default-effect")
    ResponseEntity<CommandResponse> defaultEffect(@PathVariable String orgId,
                                                  @Valid @RequestBody PolicyRequests.DefaultEffect body) {
        String settingsId = SetDefaultEffectCommand.settingsId(orgId);
        return Responses.ok(settingsId, commands.send(new SetDefaultEffectCommand(settingsId, orgId,
                PolicyRequests.defaultEffect(body.effect()))));
    }
}
