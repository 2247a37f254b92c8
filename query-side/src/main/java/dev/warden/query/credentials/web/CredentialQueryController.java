package dev.warden.query.credentials.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.query.credentials.CredentialQueries;
import dev.warden.query.credentials.CredentialQueries.Table;
import dev.warden.query.credentials.CredentialTypeView;
import dev.warden.query.credentials.CredentialView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Queries of the credential types an organization sees and of its cloud provider and app
 * credentials: metadata and masks, never a secret (a reveal is a command). Each accepts {@code minPosition}.
 */
@RestController
@RequestMapping("/api/orgs/{orgId}")
class CredentialQueryController {

    private final CredentialQueries credentials;
    private final ReadGuard guard;

    CredentialQueryController(CredentialQueries credentials, ReadGuard guard) {
        this.credentials = credentials;
        this.guard = guard;
    }

    /** The organization's own types and the system's, newest first. */
    @Requires("credentials:read")
    @GetMapping("/credential-types")
    Page<CredentialTypeView> types(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> credentials.types(orgId, page));
    }

    @Requires("credentials:read")
    @GetMapping("/credential-types/{typeId}")
    CredentialTypeView type(@PathVariable String orgId, @PathVariable String typeId,
                            @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return credentials.type(orgId, typeId).orElseThrow(() -> IdKind.CREDENTIAL_TYPE.notFound(typeId));
    }

    /** The organization's cloud provider credentials, newest first, revoked and destroyed ones included. */
    @Requires("credentials:read")
    @GetMapping("/credentials")
    Page<CredentialView> cloudCredentials(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> credentials.credentials(Table.CLOUD, orgId, page));
    }

    @Requires("credentials:read")
    @GetMapping("/credentials/{credentialId}")
    CredentialView cloudCredential(@PathVariable String orgId, @PathVariable String credentialId,
                                   @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return credentials.credential(Table.CLOUD, orgId, credentialId)
                .orElseThrow(() -> IdKind.CREDENTIAL.notFound(credentialId));
    }

    /** The organization's app credentials, newest first, revoked and destroyed ones included. */
    @Requires("credentials:read")
    @GetMapping("/app-credentials")
    Page<CredentialView> appCredentials(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> credentials.credentials(Table.APP, orgId, page));
    }

    @Requires("credentials:read")
    @GetMapping("/app-credentials/{credentialId}")
    CredentialView appCredential(@PathVariable String orgId, @PathVariable String credentialId,
                                 @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return credentials.credential(Table.APP, orgId, credentialId)
                .orElseThrow(() -> IdKind.APP_CREDENTIAL.notFound(credentialId));
    }
}
