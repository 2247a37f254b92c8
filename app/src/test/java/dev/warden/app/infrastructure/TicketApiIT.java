package dev.warden.app.infrastructure;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Fixtures.strings;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Tickets through the API: opened, assigned, commented on, moved through the workflow and reopened,
 * listed by project and status; and every refusal, with its status and code. Reads pass the position
 * of the write they follow.
 */
@WardenTest
class TicketApiIT {

    @LocalServerPort
    int port;

    @Test
    void aTicketFromOpenToClosedAndOpenAgain() {
        Api api = Api.admin(port);
        String adminId = api.get("/api/me").json().get("id").asString();
        String orgId = Fixtures.organization(api).id();
        Fixtures.SignedIn grace = Fixtures.signedInUser(api, orgId);
        String tickets = "/api/orgs/" + orgId + "/tickets";
        String projectId = IdKind.PROJECT.next();

        Api.Response opened = api.post(tickets, Json.object("title", " Disk full on the state bucket ",
                "description", "Terraform cannot write state.\nSee the alert.", "priority", "high",
                "projectId", projectId, "workspaceId", IdKind.WORKSPACE.next()));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String ticketId = opened.id();
        assertThat(ticketId).startsWith("tkt_");
        assertThat(opened.header("Location")).isEqualTo(tickets + "/" + ticketId);
        JsonNode ticket = api.get(opened.header("Location") + "?minPosition=" + opened.position()).json();
        assertThat(ticket.get("title").asString()).isEqualTo("Disk full on the state bucket");
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(ticket.get("priority").asString()).isEqualTo("high");
        assertThat(ticket.get("projectId").asString()).isEqualTo(projectId);
        assertThat(ticket.get("reporterId").asString()).isEqualTo(adminId);
        assertThat(ticket.get("assigneeId").isNull()).isTrue();

        Api.Response assigned = api.put(tickets + "/" + ticketId + "/assignee", Json.object("userId", grace.userId()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Api.Response again = api.put(tickets + "/" + ticketId + "/assignee", Json.object("userId", grace.userId()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("position")).as("assigning again stores nothing").isFalse();
        assertThat(read(api, ticketId, tickets, assigned.position()).get("assigneeId").asString())
                .isEqualTo(grace.userId());

        long last = 0;
        for (String body : List.of("Looking into it", "Lifecycle rule was missing", "Added it")) {
            Api.Response comment = api.post(tickets + "/" + ticketId + "/comments", Json.object("body", body));
            assertThat(comment.status()).as(comment.body()).isEqualTo(201);
            last = comment.position();
        }
        List<String> comments = new ArrayList<>();
        String next = tickets + "/" + ticketId + "/comments?limit=2&minPosition=" + last;
        while (next != null) {
            Api.Response page = api.get(next);
            items(page).forEach(c -> comments.add(c.get("number").asInt() + " " + c.get("body").asString()));
            String cursor = page.json().get("nextCursor").asString(null);
            next = cursor == null ? null : tickets + "/" + ticketId + "/comments?limit=2&cursor=" + cursor;
        }
        assertThat(comments).containsExactly("1 Looking into it", "2 Lifecycle rule was missing", "3 Added it");

        for (String status : List.of("in_progress", "resolved", "closed")) {
            Api.Response moved = api.put(tickets + "/" + ticketId + "/status", Json.object("status", status));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            last = moved.position();
        }
        JsonNode closed = read(api, ticketId, tickets, last);
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("resolvedAt").isNull()).isFalse();
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("commentCount").asInt()).isEqualTo(3);

        Api.Response refused = api.put(tickets + "/" + ticketId + "/status", Json.object("status", "resolved"));
        assertProblem(refused, 422, "TICKET_TRANSITION_NOT_ALLOWED");
        assertThat(refused.json().get("currentStatus").asString()).isEqualTo("closed");
        assertThat(strings(refused.json().get("allowedTransitions"))).containsExactly("open");
        assertProblem(api.delete(tickets + "/" + ticketId + "/assignee"), 409, "TICKET_CLOSED");

        Api.Response reopened = api.put(tickets + "/" + ticketId + "/status", Json.object("status", "open"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        JsonNode open = read(api, ticketId, tickets, reopened.position());
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("resolvedAt").isNull()).isTrue();
        assertThat(open.get("closedAt").isNull()).isTrue();

        List<String> audited = new ArrayList<>();
        Fixtures.items(api.get("/api/orgs/" + orgId + "/audit?limit=20&entity=" + ticketId + "&minPosition="
                + reopened.position())).forEach(e -> audited.add(e.get("eventType").asString()));
        assertThat(audited).containsExactly("TicketStatusChangedEvent", "TicketStatusChangedEvent",
                "TicketStatusChangedEvent", "TicketStatusChangedEvent", "TicketCommentedEvent", "TicketCommentedEvent",
                "TicketCommentedEvent", "TicketAssignedEvent", "TicketOpenedEvent");
    }

    @Test
    void listsTicketsNewestFirstByProjectAndStatus() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String tickets = "/api/orgs/" + orgId + "/tickets";
        String projectId = IdKind.PROJECT.next();
        String first = open(api, tickets, Json.object("title", "First", "projectId", projectId)).id();
        String second = open(api, tickets, Json.object("title", "Second")).id();
        Api.Response third = open(api, tickets, Json.object("title", "Third", "projectId", projectId,
                "priority", "low"));
        Api.Response blocked = api.put(tickets + "/" + first + "/status", Json.object("status", "blocked"));
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        long min = Math.max(third.position(), blocked.position());

        assertThat(ids(api.get(tickets + "?minPosition=" + min))).containsExactly(third.id(), second, first);
        assertThat(ids(api.get(tickets + "?projectId=" + projectId))).containsExactly(third.id(), first);
        assertThat(ids(api.get(tickets + "?status=blocked"))).containsExactly(first);
        assertThat(ids(api.get(tickets + "?status=open&projectId=" + projectId))).containsExactly(third.id());
        assertThat(ids(api.get(tickets + "?limit=1"))).containsExactly(third.id());

        assertInvalid(api.get(tickets + "?status=done"), "INVALID_QUERY", "status");
        assertInvalid(api.get(tickets + "?projectId=nope"), "INVALID_QUERY", "projectId");
        assertInvalid(api.get(tickets + "?cursor=bm90IGEgY3Vyc29y"), "INVALID_QUERY", "cursor");
    }

    @Test
    void refusesBadInputNamingWhatIsWrongAndStoresNothing() {
        Api api = Api.admin(port);
        String orgId = Fixtures.organization(api).id();
        String tickets = "/api/orgs/" + orgId + "/tickets";
        String outsider = Fixtures.user(api, Fixtures.organization(api).id()).id();
        Api.Response ticket = open(api, tickets, Json.object("title", "Valid"));
        String path = tickets + "/" + ticket.id();

        assertInvalid(api.post(tickets, Json.object()), "INVALID_INPUT", "title");
        assertInvalid(api.post(tickets, Json.object("title", "t".repeat(201))), "INVALID_INPUT", "title");
        assertProblem(api.post(tickets, Json.object("title", "Bell\u0007")), 400, "INVALID_TICKET_TITLE");
        assertProblem(api.post(tickets, Json.object("title", "Urgent", "priority", "urgent")), 400,
                "INVALID_TICKET_PRIORITY");
        assertProblem(api.post(tickets, Json.object("title", "Where", "projectId", "prj_nope")), 400,
                "INVALID_TICKET_PROJECT");
        assertProblem(api.post(tickets, Json.object("title", "Where", "workspaceId", IdKind.PROJECT.next())), 400,
                "INVALID_TICKET_WORKSPACE");
        assertInvalid(api.post(path + "/comments", Json.object("body", " ")), "INVALID_INPUT", "body");
        assertProblem(api.post(path + "/comments", Json.object("body", "nul\u0000")), 400, "INVALID_TICKET_COMMENT");
        assertProblem(api.put(path + "/status", Json.object("status", "done")), 400, "INVALID_TICKET_STATUS");
        assertInvalid(api.put(path + "/status", Json.object()), "INVALID_INPUT", "status");
        Api.Response refused = api.put(path + "/status", Json.object("status", "closed"));
        assertProblem(refused, 422, "TICKET_TRANSITION_NOT_ALLOWED");
        assertThat(strings(refused.json().get("allowedTransitions"))).containsExactly("in_progress", "blocked");
        Api.Response same = api.put(path + "/status", Json.object("status", "open"));
        assertThat(same.status()).as("moving to where it is stores nothing").isEqualTo(200);
        assertThat(same.json().has("position")).isFalse();

        assertProblem(api.put(path + "/assignee", Json.object("userId", outsider)), 404, "MEMBER_NOT_FOUND");
        assertProblem(api.put(path + "/assignee", Json.object("userId", "someone")), 404, "MEMBER_NOT_FOUND");

        for (String missing : List.of(IdKind.TICKET.next(), "nope", IdKind.MODULE.next())) {
            assertProblem(api.get(tickets + "/" + missing), 404, "TICKET_NOT_FOUND");
            assertProblem(api.get(tickets + "/" + missing + "/comments"), 404, "TICKET_NOT_FOUND");
            assertProblem(api.put(tickets + "/" + missing + "/status", Json.object("status", "open")), 404,
                    "TICKET_NOT_FOUND");
            assertProblem(api.post(tickets + "/" + missing + "/comments", Json.object("body", "Hi")), 404,
                    "TICKET_NOT_FOUND");
        }

        assertThat(Fixtures.newestAuditPosition(api, orgId, ticket.position()))
                .as("nothing stored for a refused command").isEqualTo(ticket.position());
    }

    private static Api.Response open(Api api, String tickets, Object body) {
        Api.Response response = api.post(tickets, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static JsonNode read(Api api, String ticketId, String tickets, long minPosition) {
        Api.Response response = api.get(tickets + "/" + ticketId + "?minPosition=" + minPosition);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(Api.Response page) {
        return items(page).stream().map(t -> t.get("id").asString()).toList();
    }
}
