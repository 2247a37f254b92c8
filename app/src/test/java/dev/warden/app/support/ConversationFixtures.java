package dev.warden.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** Conversations for the API tests: one started, and one whose assistant proposed a tool call. */
public final class ConversationFixtures {

    private ConversationFixtures() {
    }

    /** A conversation with a pending tool call, the message that proposed it, and the log position of the proposal. */
    public record WithToolCall(String conversationId, String messageId, String toolCallId, long position) {
    }

    /** Starts a conversation titled {@code title}; the response carries its id and position. */
    public static Api.Response start(Api api, String orgId, String title) {
        Api.Response started = api.post("/api/orgs/" + orgId + "/conversations", Json.object("title", title));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started;
    }

    /** Posts an assistant message to {@code conversationId} that proposes a tool call; answers 201 with its id. */
    public static Api.Response propose(Api api, String orgId, String conversationId, String tool,
                                       Map<String, Object> arguments) {
        Api.Response posted = api.post("/api/orgs/" + orgId + "/conversations/" + conversationId + "/messages",
                Json.object("role", "assistant", "content", "I would run " + tool, "model", "model-test",
                        "inputTokens", 10, "outputTokens", 5, "toolCall", Json.object("name", tool,
                                "arguments", arguments)));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.json().get("toolCallId").asString()).startsWith("tcl_");
        return posted;
    }

    /** A new conversation of {@code orgId} whose assistant proposed a tool call nobody decided yet. */
    public static WithToolCall withPendingToolCall(Api api, String orgId) {
        String conversationId = start(api, orgId, "Chat " + Fixtures.unique()).id();
        Api.Response proposed = propose(api, orgId, conversationId, "terraform.plan", Map.of("workspace", "prod"));
        return new WithToolCall(conversationId, proposed.id(), proposed.json().get("toolCallId").asString(),
                proposed.position());
    }
}
