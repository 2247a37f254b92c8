package dev.warden.query.identity.web;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.warden.events.identity.ApiKeyIssuedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.SessionStartedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.identity.ApiKeyProjection;
import dev.warden.query.identity.ApiKeyQueries;
import dev.warden.query.identity.IdentityProjection;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.InvitationQueries;
import dev.warden.query.identity.SessionProjection;
import dev.warden.query.identity.SessionQueries;
import dev.warden.query.support.ReadGuard;
import dev.warden.query.support.ReadModelDatabase;
import dev.warden.query.support.SupportTestKit;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The identity query endpoints over the real schema: the caller's own data, and tenant isolation. */
class IdentityQueryWebIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final Instant at = Instant.now();
    private final String userId = IdKind.USER.next();
    private final String sessionId = IdKind.SESSION.next();
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String otherOrg = IdKind.ORGANIZATION.next();
    private final Actor actor = new Actor(Actor.USER, userId, userId, sessionId, null, Set.of());
    private final MockMvc mvc;

    IdentityQueryWebIT() {
        IdentityQueries identity = ReadModelDatabase.bean(IdentityQueries.class);
        SessionQueries sessions = ReadModelDatabase.bean(SessionQueries.class);
        InvitationQueries invitations = ReadModelDatabase.bean(InvitationQueries.class);
        ReadGuard guard = SupportTestKit.readGuard(jdbc);
        mvc = MockMvcBuilders.standaloneSetup(
                new MeQueryController(identity, sessions, invitations, guard),
                new IdentityQueryController(identity, ReadModelDatabase.bean(AccessQueries.class), invitations, guard),
                new ApiKeyQueryController(ReadModelDatabase.bean(ApiKeyQueries.class), guard),
                new AccountQueryController(identity, sessions, guard))
                .setCustomArgumentResolvers(SupportTestKit.queryParameters()).build();

        IdentityProjection directory = ReadModelDatabase.bean(IdentityProjection.class);
        directory.on(new UserRegisteredEvent(userId, "me@example.com", "Me"), next(at));
        directory.on(new OrganizationCreatedEvent(orgId, "Mine"), next(at), userId);
        directory.on(new OrganizationCreatedEvent(otherOrg, "Theirs"), next(at), userId);
        directory.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), next(at));
        SessionProjection sessionProjection = ReadModelDatabase.bean(SessionProjection.class);
        sessionProjection.on(new SessionStartedEvent(sessionId, userId, "hash-" + sessionId, at.plusSeconds(60),
                "10.0.0.1", "curl", false), next(at));
        sessionProjection.on(new SessionStartedEvent(IdKind.SESSION.next(), userId, "hash-" + IdKind.SESSION.next(),
                at.plusSeconds(60), "10.0.0.2", "firefox", true), next(at.minusSeconds(5)));
    }

    @Test
    void theCallerSeesThemselvesAndTheirSessionsWithoutHashes() throws Exception {
        mvc.perform(me("/api/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(userId))
                .andExpect(jsonPath("$.hasPassword").value(false))
                .andExpect(jsonPath("$.totpEnabled").value(false));
        String body = mvc.perform(me("/api/me/sessions?limit=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value(sessionId))
                .andExpect(jsonPath("$.items[0].current").value(true))
                .andExpect(jsonPath("$.items[1].current").value(false))
                .andExpect(jsonPath("$.items[1].secondFactor").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("hash").doesNotContain("token");
        mvc.perform(me("/api/me/organizations"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].organizationId").value(orgId));
        mvc.perform(me("/api/me/accounts")).andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void usersAreNoLongerReadById() throws Exception {
        mvc.perform(me("/api/users/" + userId)).andExpect(status().isNotFound());
    }

    @Test
    void aUsersSessionsAreReadAccountWideOnly() throws Exception {
        mvc.perform(me("/api/users/" + userId + "/sessions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].current").doesNotExist());
        assertRefused(me("/api/users/" + IdKind.USER.next() + "/sessions"), IdKind.USER.notFoundCode());
        mvc.perform(me("/api/orgs/" + orgId + "/members/" + userId + "/sessions")).andExpect(status().isNotFound());
    }

    @Test
    void anotherOrganizationsKeyLooksMissing() throws Exception {
        String keyId = IdKind.API_KEY.next();
        ApiKeyProjection keys = ReadModelDatabase.bean(ApiKeyProjection.class);
        keys.on(new ApiKeyIssuedEvent(keyId, otherOrg, "ci", "wdn_abc", "hash-" + keyId, Set.of("audit:read"), null,
                userId), next(at));
        mvc.perform(me("/api/orgs/" + otherOrg + "/api-keys/" + keyId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.secretHash").doesNotExist());
        assertRefused(me("/api/orgs/" + orgId + "/api-keys/" + keyId), IdKind.API_KEY.notFoundCode());
        mvc.perform(me("/api/orgs/" + orgId + "/api-keys"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    private RequestBuilder me(String path) {
        return get(path).requestAttr(Actor.ATTRIBUTE, actor);
    }

    private void assertRefused(RequestBuilder request, ErrorCode code) {
        assertThatThrownBy(() -> mvc.perform(request))
                .rootCause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

}
