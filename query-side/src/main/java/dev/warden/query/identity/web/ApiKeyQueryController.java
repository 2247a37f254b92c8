package dev.warden.query.identity.web;

import dev.warden.events.shared.EndpointAccess.Requires;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.DomainException;
import dev.warden.query.identity.ApiKeyQueries;
import dev.warden.query.identity.ApiKeyView;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageParameters;
import dev.warden.query.support.ReadGuard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An organization's API keys (never their secrets). Every query accepts {@code minPosition} for read-your-writes. */
@RestController
class ApiKeyQueryController {

    private final ApiKeyQueries keys;
    private final ReadGuard guard;

    ApiKeyQueryController(ApiKeyQueries keys, ReadGuard guard) {
        this.keys = keys;
        this.guard = guard;
    }

    @Requires("api-keys:read")
    @GetMapping("/api/orgs/{orgId}/api-keys")
    Page<ApiKeyView> keys(@PathVariable String orgId, PageParameters list) {
        return guard.organizationPage(orgId, list, page -> keys.keys(orgId, page));
    }

    /** One key; another organization's key looks missing. */
    @Requires("api-keys:read")
    @GetMapping("/api/orgs/{orgId}/api-keys/{keyId}")
    ApiKeyView key(@PathVariable String orgId, @PathVariable String keyId,
                   @RequestParam(required = false) Long minPosition) {
        guard.organization(orgId, minPosition);
        return keys.key(orgId, keyId)
                .orElseThrow(() -> IdKind.API_KEY.notFound(keyId));
    }
}
