package dev.warden.app.conversations;

import static dev.warden.app.support.Fixtures.items;
import static dev.warden.app.support.Problems.assertInvalid;
import static dev.warden.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.ConversationFixtures;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.Json;
import dev.warden.app.support.WardenTest;
import dev.warden.events.shared.IdKind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The conversations API: a member starts a conversation about a project, an AI runner's API key
 * answers and proposes a tool call, another member approves it, and the audit trail shows who
 * approved what; messages read back in order and tokens add up per conversation and per model.
 */
@WardenTest
class ConversationsApiIT {

    @LocalServerPort
    int port;

    Api admin;
    String orgId;
    String base;
    Fixtures.SignedIn alice;
    Api runner;

    @BeforeEach
    void organizationWithAMemberAndARunnersKey() {
        admin = Api.admin(port);
        orgId = Fixtures.organization(admin).id();
        base = "/api/orgs/" + orgId;
        alice = Fixtures.signedInUser(admin, orgId);
        Api.Response key = admin.post(base + "/api-keys", Json.object("name", "runner " + Fixtures.unique(),
                "scopes", List.of("conversations:read", "conversations:write", "conversations:approve")));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        runner = admin.anonymous().withToken(key.json().get("secret").asString());
    }

    @Test
    void aConversationWithAnApprovedToolCall() {
        String projectId = IdKind.PROJECT.next();
        Api.Response started = admin.post(base + "/conversations",
                Json.object("title", " Plan the shop ", "projectId", projectId));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String conversation = base + "/conversations/" + started.id();
        assertThat(started.header("Location")).isEqualTo(conversation);

        Api.Response question = admin.post(conversation + "/messages",
                Json.object("role", "user", "content", "What would change in prod?"));
        assertThat(question.status()).as(question.body()).isEqualTo(201);
        assertThat(question.json().has("toolCallId")).isFalse();
        JsonNode asked = admin.get(question.header("Location") + "?minPosition=" + question.position()).json();
        assertThat(asked.get("content").asString()).isEqualTo("What would change in prod?");
        assertThat(asked.get("sequence").asInt()).isEqualTo(1);
        Api.Response answer = runner.post(conversation + "/messages", Json.object("role", "assistant",
                "content", "Let me plan it.", "model", "model-a", "inputTokens", 1200, "outputTokens", 80,
                "cachedTokens", 1000, "toolCall", Json.object("name", "terraform.plan",
                        "arguments", Json.object("workspace", "prod", "targets", List.of("module.db")))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String toolCallId = answer.json().get("toolCallId").asString();
        assertThat(IdKind.TOOL_CALL.matches(toolCallId)).isTrue();

        JsonNode pending = admin.get(conversation + "/tool-calls/" + toolCallId + "?minPosition=" + answer.position())
                .json();
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("arguments").get("targets").get(0).asString()).isEqualTo("module.db");
        assertThat(pending.get("proposedBy").asString()).startsWith("key_");
        assertThat(items(admin.get(base + "/tool-calls?status=pending")))
                .extracting(t -> t.get("id").asString()).containsExactly(toolCallId);

        Api.Response approved = admin.post(conversation + "/tool-calls/" + toolCallId + "/approve",
                Json.object("reason", "Read-only plan"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode decided = admin.get(conversation + "/tool-calls/" + toolCallId + "?minPosition="
                + approved.position()).json();
        assertThat(decided.get("status").asString()).isEqualTo("approved");
        assertThat(decided.get("decisionReason").asString()).isEqualTo("Read-only plan");
        String adminId = admin.get("/api/me").json().get("id").asString();
        assertThat(decided.get("decidedBy").asString()).isEqualTo(adminId);
        assertThat(items(admin.get(base + "/tool-calls?status=pending"))).isEmpty();

        List<JsonNode> audit = items(admin.get(base + "/audit?eventType=ToolCallApprovedEvent"));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actorId").asString()).isEqualTo(adminId);
        assertThat(audit.get(0).get("payload").get("toolName").asString()).isEqualTo("terraform.plan");
        assertThat(audit.get(0).get("payload").get("toolCallId").asString()).isEqualTo(toolCallId);
        assertThat(items(admin.get(base + "/activity?entity=" + started.id())))
                .extracting(a -> a.get("eventType").asString() + " " + a.get("subject").asString())
                .contains("ConversationStartedEvent Plan the shop", "ToolCallProposedEvent terraform.plan",
                        "ToolCallApprovedEvent terraform.plan");

        JsonNode view = admin.get(conversation).json();
        assertThat(view.get("title").asString()).isEqualTo("Plan the shop");
        assertThat(view.get("projectId").asString()).isEqualTo(projectId);
        assertThat(view.get("messageCount").asInt()).isEqualTo(2);
        assertThat(view.get("inputTokens").asLong()).isEqualTo(1200);
        assertThat(view.get("cachedTokens").asLong()).isEqualTo(1000);
        assertThat(view.get("model").asString()).isEqualTo("model-a");
        List<JsonNode> messages = items(admin.get(conversation + "/messages"));
        assertThat(messages).extracting(m -> m.get("role").asString()).containsExactly("user", "assistant");
        assertThat(messages.get(0).get("authorId").asString()).isEqualTo(adminId);
        assertThat(messages.get(1).get("authorId").isNull()).isTrue();
        assertThat(messages.get(1).get("toolCalls").get(0).get("id").asString()).isEqualTo(toolCallId);
        assertThat(items(admin.get(base + "/token-totals"))).singleElement().satisfies(total -> {
            assertThat(total.get("model").asString()).isEqualTo("model-a");
            assertThat(total.get("outputTokens").asLong()).isEqualTo(80);
        });
    }

    @Test
    void renameArchiveAndRestore() {
        String id = ConversationFixtures.start(admin, orgId, "First title").id();
        String conversation = base + "/conversations/" + id;
        assertThat(alice.api().patch(conversation, Json.object("title", "New title")).status()).isEqualTo(403);
        Api.Response renamed = admin.patch(conversation, Json.object("title", "New title"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Api.Response archived = admin.post(conversation + "/archive", null);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        JsonNode view = admin.get(conversation + "?minPosition=" + archived.position()).json();
        assertThat(view.get("title").asString()).isEqualTo("New title");
        assertThat(view.get("status").asString()).isEqualTo("archived");

        assertProblem(admin.post(conversation + "/messages", Json.object("role", "user", "content", "Hello?")), 409,
                "CONVERSATION_ARCHIVED");
        assertProblem(admin.patch(conversation, Json.object("title", "Another")), 409, "CONVERSATION_ARCHIVED");
        assertThat(admin.post(conversation + "/archive", null).json().has("position"))
                .as("archiving again stores nothing").isFalse();

        assertThat(admin.post(conversation + "/restore", null).status()).isEqualTo(200);
        assertThat(admin.post(conversation + "/messages", Json.object("role", "user", "content", "Hello!")).status())
                .isEqualTo(201);
    }

    @Test
    void aToolCallIsDecidedOnce() {
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(admin, orgId);
        String toolCall = base + "/conversations/" + call.conversationId() + "/tool-calls/" + call.toolCallId();
        Api.Response rejected = admin.post(toolCall + "/reject", null);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        long before = Fixtures.newestAuditPosition(admin, orgId, rejected.position());

        assertProblem(admin.post(toolCall + "/reject", Json.object("reason", "Again")), 409, "TOOL_CALL_DECIDED");
        assertProblem(admin.post(toolCall + "/approve", null), 409, "TOOL_CALL_DECIDED");
        assertProblem(runner.post(toolCall + "/approve", null), 403, "USERS_ONLY");
        assertProblem(alice.api().post(toolCall + "/approve", null), 403, "PERMISSION_DENIED");

        assertThat(admin.get(toolCall).json().get("status").asString()).isEqualTo("rejected");
        assertThat(items(admin.get(base + "/audit?limit=20")).stream()
                .filter(e -> e.get("position").asLong() > before).map(e -> e.get("eventType").asString()))
                .as("nothing stored but Alice's denial").containsExactly("PermissionDeniedEvent");
    }

    @Test
    void refusesBadInputNamingTheProblem() {
        String id = ConversationFixtures.start(admin, orgId, "Inputs").id();
        String messages = base + "/conversations/" + id + "/messages";
        long start = Fixtures.newestAuditPosition(admin, orgId, 0);

        assertInvalid(admin.post(base + "/conversations", Json.object("title", " ")), "INVALID_INPUT", "title");
        assertProblem(admin.post(base + "/conversations", Json.object("title", "Bell\u0007")), 400,
                "INVALID_CONVERSATION_TITLE");
        assertProblem(admin.post(base + "/conversations", Json.object("title", "T", "projectId", "prj_nope")), 404,
                "PROJECT_NOT_FOUND");
        assertProblem(admin.post(base + "/conversations", Json.object("title", "T",
                "workspaceId", IdKind.PROJECT.next())), 404, "WORKSPACE_NOT_FOUND");
        assertProblem(runner.post(base + "/conversations", Json.object("title", "By a key")), 403, "USERS_ONLY");

        assertProblem(admin.post(messages, Json.object("role", "robot", "content", "Hi")), 400,
                "INVALID_MESSAGE_ROLE");
        assertProblem(admin.post(messages, Json.object("role", "user", "content", " ")), 400,
                "INVALID_MESSAGE_CONTENT");
        assertProblem(admin.post(messages, Json.object("role", "assistant", "content", "x", "model", "m",
                "inputTokens", -1)), 400, "INVALID_TOKEN_COUNT");
        assertProblem(admin.post(messages, Json.object("role", "assistant", "content", "x", "outputTokens", 5)),
                400, "TOKENS_WITHOUT_MODEL");
        assertProblem(admin.post(messages, Json.object("role", "assistant", "content", "x",
                "toolCall", Json.object("name", "has space"))), 400, "INVALID_TOOL_NAME");
        assertProblem(admin.post(messages, Json.object("role", "assistant", "content", "x",
                "toolCall", Json.object("name", "t", "arguments", Json.object("path", "a\u0000b")))), 400,
                "INVALID_TOOL_ARGUMENTS");
        assertProblem(admin.post(messages, Json.object("role", "assistant", "content", "x",
                "toolCall", Json.object("name", "t", "arguments", List.of(1, 2)))), 400, "MALFORMED_BODY");
        assertProblem(admin.post(messages, Json.object("role", "user", "content", "Run it",
                "toolCall", Json.object("name", "terraform.apply"))), 422, "TOOL_CALL_NOT_FROM_ASSISTANT");
        assertProblem(runner.post(messages, Json.object("role", "user", "content", "I am a person")), 422,
                "USER_MESSAGE_NEEDS_A_USER");

        assertThat(Fixtures.newestAuditPosition(admin, orgId, 0)).as("nothing stored for a refused command")
                .isEqualTo(start);
    }

    @Test
    void unknownOrMalformedIdsNameNothing() {
        ConversationFixtures.WithToolCall call = ConversationFixtures.withPendingToolCall(admin, orgId);
        String conversations = base + "/conversations/";
        for (String missing : List.of(IdKind.CONVERSATION.next(), "cnv_short", call.toolCallId())) {
            assertProblem(admin.get(conversations + missing), 404, "CONVERSATION_NOT_FOUND");
            assertProblem(admin.get(conversations + missing + "/messages"), 404, "CONVERSATION_NOT_FOUND");
            assertProblem(admin.get(conversations + missing + "/tool-calls"), 404, "CONVERSATION_NOT_FOUND");
            assertProblem(admin.post(conversations + missing + "/messages", Json.object("role", "user",
                    "content", "Hi")), 404, "CONVERSATION_NOT_FOUND");
            assertProblem(admin.post(conversations + missing + "/archive", null), 404, "CONVERSATION_NOT_FOUND");
            assertProblem(admin.post(conversations + missing + "/tool-calls/" + call.toolCallId() + "/approve", null),
                    404, "CONVERSATION_NOT_FOUND");
        }
        for (String missing : List.of(IdKind.MESSAGE.next(), "msg_short", call.toolCallId())) {
            assertProblem(admin.get(conversations + call.conversationId() + "/messages/" + missing + "?minPosition="
                    + call.position()), 404, "MESSAGE_NOT_FOUND");
        }
        String toolCalls = conversations + call.conversationId() + "/tool-calls/";
        for (String missing : List.of(IdKind.TOOL_CALL.next(), "tcl_short")) {
            assertProblem(admin.get(toolCalls + missing + "?minPosition=" + call.position()), 404,
                    "TOOL_CALL_NOT_FOUND");
            assertProblem(admin.post(toolCalls + missing + "/approve", null), 404, "TOOL_CALL_NOT_FOUND");
            assertProblem(admin.post(toolCalls + missing + "/reject", null), 404, "TOOL_CALL_NOT_FOUND");
        }
        Api.Response started = ConversationFixtures.start(admin, orgId, "Other");
        String other = started.id();
        assertProblem(admin.get(conversations + other + "/tool-calls/" + call.toolCallId() + "?minPosition="
                + started.position()), 404, "TOOL_CALL_NOT_FOUND");
        assertProblem(admin.post(conversations + other + "/tool-calls/" + call.toolCallId() + "/approve", null), 404,
                "TOOL_CALL_NOT_FOUND");
    }

    @Test
    void listsPageInTheirOrderAndRefuseBadParameters() {
        String id = ConversationFixtures.start(admin, orgId, "Long chat").id();
        String messages = base + "/conversations/" + id + "/messages";
        long position = 0;
        for (int i = 1; i <= 5; i++) {
            position = admin.post(messages, Json.object("role", "user", "content", "Message " + i)).position();
        }
        Api.Response first = admin.get(messages + "?limit=3&minPosition=" + position);
        assertThat(items(first)).extracting(m -> m.get("sequence").asInt()).containsExactly(1, 2, 3);
        Api.Response second = admin.get(messages + "?limit=3&cursor=" + first.json().get("nextCursor").asString());
        assertThat(items(second)).extracting(m -> m.get("content").asString()).containsExactly("Message 4",
                "Message 5");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();

        Api.Response newer = ConversationFixtures.start(admin, orgId, "Newer");
        assertThat(items(admin.get(base + "/conversations?limit=1&minPosition=" + newer.position())))
                .extracting(c -> c.get("id").asString()).containsExactly(newer.id());
        assertInvalid(admin.get(messages + "?cursor=bm90LWEtbnVtYmVy"), "INVALID_QUERY", "cursor");
        assertInvalid(admin.get(base + "/tool-calls?status=open"), "INVALID_QUERY", "status");
        assertInvalid(admin.get(base + "/conversations?limit=0"), "INVALID_QUERY", "limit");
        assertThat(alice.api().get(base + "/conversations").status()).as("a Viewer reads").isEqualTo(200);
    }
}
