package dev.warden.query.access.web;

import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.events.access.RoleCreatedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.IdKind;
import dev.warden.query.access.AccessQueries;
import dev.warden.query.access.AccessRequestProjection;
import dev.warden.query.access.AccessRequestQueries;
import dev.warden.query.access.RoleProjection;
import dev.warden.query.identity.IdentityProjection;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.ReadModelDatabase;
import dev.warden.query.support.SupportTestKit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The access query endpoints over the real schema: an organization sees its own rows only. */
class AccessQueryWebIT {

    private final Instant at = Instant.now();
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String otherOrg = IdKind.ORGANIZATION.next();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new AccessQueryController(
            ReadModelDatabase.bean(AccessQueries.class), ReadModelDatabase.bean(AccessRequestQueries.class),
            SupportTestKit.readGuard(ReadModelDatabase.jdbc())))
            .setCustomArgumentResolvers(SupportTestKit.queryParameters()).build();

    AccessQueryWebIT() {
        IdentityProjection directory = ReadModelDatabase.bean(IdentityProjection.class);
        directory.on(new OrganizationCreatedEvent(orgId, "Mine"), next(at), "usr_founder");
        directory.on(new OrganizationCreatedEvent(otherOrg, "Theirs"), next(at), "usr_founder");
    }

    @Test
    void requestsAreListedByStatusWithinTheOrganization() throws Exception {
        String mine = request(orgId);
        String theirs = request(otherOrg);
        mvc.perform(get("/api/orgs/" + orgId + "/access-requests?status=pending"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine));
        mvc.perform(get("/api/orgs/" + orgId + "/access-requests?status=approved"))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/orgs/" + orgId + "/access-requests/" + mine))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("pending"));
        assertRefused(get("/api/orgs/" + orgId + "/access-requests/" + theirs),
                IdKind.ACCESS_REQUEST.notFoundCode());
        assertThatThrownBy(() -> mvc.perform(get("/api/orgs/" + orgId + "/access-requests?status=open")))
                .rootCause().isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void anotherOrganizationsCustomRoleLooksMissing() throws Exception {
        String theirs = IdKind.ROLE.next();
        ReadModelDatabase.bean(RoleProjection.class).on(new RoleCreatedEvent(theirs, otherOrg, "Theirs " + theirs, "",
                false, List.of("audit:read")), 0, next(at));
        mvc.perform(get("/api/orgs/" + otherOrg + "/roles/" + theirs)).andExpect(status().isOk());
        assertRefused(get("/api/orgs/" + orgId + "/roles/" + theirs), IdKind.ROLE.notFoundCode());
    }

    private String request(String organizationId) {
        String requestId = IdKind.ACCESS_REQUEST.next();
        ReadModelDatabase.bean(AccessRequestProjection.class).on(new AccessRequestedEvent(requestId, organizationId,
                "usr_r", "role_x", "please", null), next(at));
        return requestId;
    }

    private void assertRefused(RequestBuilder request, ErrorCode code) {
        assertThatThrownBy(() -> mvc.perform(request))
                .rootCause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
