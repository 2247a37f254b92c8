package dev.warden.app.audit;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail over HTTP: every event of an organization with who caused it and from where,
 * newest first, filtered by event type, entity, actor and time, and paged with a cursor.
 */
@WardenTest
class AuditApiIT {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    @LocalServerPort
    int port;

    private Api api;
    private String adminId;
    private String orgId;
    private String firstRole;
    private String secondRole;
    private long last;

    /**
     * An organization with seven events: created (with its creator added as a member and made Admin),
     * two roles created, a grant, a rename.
     */
    @BeforeEach
    void organizationWithSevenEvents() {
        api = Api.admin(port);
        adminId = api.get("/api/me").json().get("id").asString();
        orgId = Fixtures.organization(api).id();
        firstRole = Fixtures.role(api, orgId, "First " + unique()).id();
        secondRole = Fixtures.role(api, orgId, "Second " + unique()).id();
        assertThat(api.put("/api/orgs/" + orgId + "/roles/" + firstRole + "/permissions/audit:read", null).status())
                .isEqualTo(200);
        Api.Response renamed = api.put("/api/orgs/" + orgId + "/roles/" + secondRole,
                Json.object("name", "Renamed " + unique()));
        assertThat(renamed.status()).isEqualTo(200);
        last = renamed.position();
    }

    @Test
    void recordsRequestAndCorrelationIdsAndTheClientAddress() {
        String requestId = "req-" + unique();
        String correlationId = "corr-" + unique();
        Api traced = api.withHeader("X-Request-Id", requestId).withHeader("X-Correlation-Id", correlationId);
        Api.Response traceable = traced.put(rolePath(firstRole) + "/permissions/tickets:read", null);
        assertThat(traceable.header("X-Request-Id")).isEqualTo(requestId);
        Api.Response unsafe = api.withHeader("X-Request-Id", "not safe; id=" + "x".repeat(80))
                .put(rolePath(firstRole) + "/permissions/tickets:write", null);
        String madeUp = unsafe.header("X-Request-Id");
        assertThat(madeUp).as("an unusable request id is replaced").matches("[0-9a-f-]{36}");
        Api.Response plain = api.put(rolePath(secondRole) + "/permissions/tickets:read", null);

        List<JsonNode> audit = items(api.get(audit("minPosition=" + plain.position() + "&limit=3")));
        assertThat(audit).extracting(e -> e.get("position").asLong())
                .containsExactly(plain.position(), unsafe.position(), traceable.position());
        JsonNode tracedEvent = audit.get(2);
        assertThat(tracedEvent.get("requestId").asString()).isEqualTo(requestId);
        assertThat(tracedEvent.get("correlationId").asString()).isEqualTo(correlationId);
        JsonNode madeUpEvent = audit.get(1);
        assertThat(madeUpEvent.get("requestId").asString()).isEqualTo(madeUp);
        assertThat(madeUpEvent.get("correlationId").asString()).as("the request id when none is given")
                .isEqualTo(madeUp);
        JsonNode plainEvent = audit.get(0);
        assertThat(plainEvent.get("requestId").asString()).isEqualTo(plain.header("X-Request-Id"))
                .isNotEqualTo(madeUp);
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.get("eventType").asString()).isEqualTo("PermissionGrantedEvent");
            assertThat(e.get("entityType").asString()).isEqualTo("Role");
            assertThat(e.get("actorType").asString()).isEqualTo("user");
            assertThat(e.get("actorId").asString()).as("the signed-in caller").isEqualTo(adminId);
            assertThat(e.get("clientAddress").asString()).isIn(LOOPBACK);
            assertThat(e.get("eventId").asString()).isNotBlank();
            assertThat(Instant.parse(e.get("occurredAt").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(e.get("payload").get("permission").asString()).startsWith("tickets:");
        });
        assertThat(audit).extracting(e -> e.get("causationId").asString()).doesNotHaveDuplicates();
        assertThat(tracedEvent.get("entityVersion").asLong()).isEqualTo(2);
        assertThat(madeUpEvent.get("entityVersion").asLong()).isEqualTo(3);
    }

    @Test
    void listsTheOrganizationsEventsNewestFirst() {
        List<JsonNode> audit = items(api.get(audit("minPosition=" + last)));

        assertThat(audit).extracting(e -> e.get("eventType").asString()).containsExactly("RoleRenamedEvent",
                "PermissionGrantedEvent", "RoleCreatedEvent", "RoleCreatedEvent", "RoleAssignedEvent",
                "MemberAddedEvent", "OrganizationCreatedEvent");
        assertThat(audit).extracting(e -> e.get("position").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates().first().isEqualTo(last);
        assertThat(audit).extracting(e -> e.get("entityId").asString())
                .containsExactly(secondRole, firstRole, secondRole, firstRole, orgId, orgId, orgId);
        List<Instant> times = audit.stream().map(e -> Instant.parse(e.get("occurredAt").asString())).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

        String other = Fixtures.organization(api).id();
        Api.Response elsewhere = Fixtures.role(api, other, "Elsewhere " + unique());
        assertThat(items(api.get(audit("minPosition=" + elsewhere.position())))).hasSize(7);
        assertThat(items(api.get("/api/orgs/" + other + "/audit?minPosition=" + elsewhere.position())))
                .extracting(e -> e.get("entityId").asString()).containsExactly(elsewhere.id(), other, other, other);
    }

    @Test
    void filtersByEventTypeEntityAndActor() {
        String wait = "minPosition=" + last + "&";

        assertThat(items(api.get(audit(wait + "eventType=RoleCreatedEvent"))))
                .extracting(e -> e.get("entityId").asString()).containsExactly(secondRole, firstRole);
        assertThat(items(api.get(audit(wait + "entity=" + firstRole))))
                .extracting(e -> e.get("eventType").asString())
                .containsExactly("PermissionGrantedEvent", "RoleCreatedEvent");
        assertThat(items(api.get(audit(wait + "entity=" + orgId))))
                .extracting(e -> e.get("eventType").asString())
                .containsExactly("RoleAssignedEvent", "MemberAddedEvent", "OrganizationCreatedEvent");
        assertThat(items(api.get(audit(wait + "eventType=RoleCreatedEvent&entity=" + secondRole)))).hasSize(1);
        assertThat(items(api.get(audit(wait + "actor=" + adminId)))).hasSize(7);
        assertThat(items(api.get(audit(wait + "actor=anonymous")))).isEmpty();
        assertThat(items(api.get(audit(wait + "actor=system")))).isEmpty();
        assertThat(items(api.get(audit(wait + "eventType=NoSuchEvent")))).isEmpty();
        assertThat(items(api.get(audit(wait + "entity=" + secondRole + "&eventType=PermissionGrantedEvent"))))
                .isEmpty();
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        List<JsonNode> all = items(api.get(audit("minPosition=" + last)));
        JsonNode middle = all.get(2);
        String at = middle.get("occurredAt").asString();

        assertThat(items(api.get(audit("from=" + at)))).extracting(e -> e.get("position").asLong())
                .containsExactly(all.get(0).get("position").asLong(), all.get(1).get("position").asLong(),
                        middle.get("position").asLong());
        assertThat(items(api.get(audit("to=" + at)))).extracting(e -> e.get("position").asLong())
                .containsExactly(all.get(3).get("position").asLong(), all.get(4).get("position").asLong(),
                        all.get(5).get("position").asLong(), all.get(6).get("position").asLong());
        assertThat(items(api.get(audit("from=" + at + "&to=" + at)))).isEmpty();
        assertThat(items(api.get(audit("from=" + Instant.now().plusSeconds(3600))))).isEmpty();
        assertThat(items(api.get(audit("to=" + Instant.now().plusSeconds(3600))))).hasSize(7);
    }

    @Test
    void pagesNewestFirstWithACursor() {
        List<JsonNode> all = items(api.get(audit("minPosition=" + last)));
        List<JsonNode> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(audit("limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            List<JsonNode> items = items(page);
            sizes.add(items.size());
            paged.addAll(items);
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 2, 1);
        assertThat(paged).extracting(e -> e.get("position").asLong())
                .containsExactlyElementsOf(all.stream().map(e -> e.get("position").asLong()).toList());

        Api.Response firstCreated = api.get(audit("eventType=RoleCreatedEvent&limit=1"));
        String next = firstCreated.json().get("nextCursor").asString();
        assertThat(items(firstCreated)).extracting(e -> e.get("entityId").asString()).containsExactly(secondRole);
        Api.Response secondCreated = api.get(audit("eventType=RoleCreatedEvent&limit=1&cursor=" + next));
        assertThat(items(secondCreated)).extracting(e -> e.get("entityId").asString()).containsExactly(firstRole);
        assertThat(secondCreated.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void activityFeedSaysWhoDidWhatToWhichEntityNewestFirst() {
        Api.Response page = api.get("/api/orgs/" + orgId + "/activity?limit=4&minPosition=" + last);
        assertThat(page.status()).isEqualTo(200);
        List<JsonNode> activity = items(page);

        assertThat(activity).extracting(a -> a.get("eventType").asString()).containsExactly("RoleRenamedEvent",
                "PermissionGrantedEvent", "RoleCreatedEvent", "RoleCreatedEvent");
        assertThat(activity).extracting(a -> a.get("entityType").asString()).containsOnly("Role");
        assertThat(activity).extracting(a -> a.get("actorType").asString()).containsOnly("user");
        assertThat(activity).extracting(a -> a.get("actorId").asString()).containsOnly(adminId);
        assertThat(activity.get(0).get("subject").asString()).startsWith("Renamed ");
        assertThat(activity.get(1).get("subject").asString()).isEqualTo("audit:read");

        Api.Response rest = api.get("/api/orgs/" + orgId + "/activity?limit=4&cursor="
                + page.json().get("nextCursor").asString());
        assertThat(items(rest)).extracting(a -> a.get("eventType").asString())
                .containsExactly("RoleAssignedEvent", "MemberAddedEvent", "OrganizationCreatedEvent");
        assertThat(rest.json().get("nextCursor").isNull()).isTrue();
    }

    private String audit(String query) {
        return "/api/orgs/" + orgId + "/audit?" + query;
    }

    private String rolePath(String roleId) {
        return "/api/orgs/" + orgId + "/roles/" + roleId;
    }
}
