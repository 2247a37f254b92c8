package dev.warden.query.conversations;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.conversations.ConversationStartedEvent;
import dev.warden.events.conversations.MessagePostedEvent;
import dev.warden.events.conversations.ToolCallApprovedEvent;
import dev.warden.events.conversations.ToolCallExpiredEvent;
import dev.warden.events.conversations.ToolCallProposedEvent;
import dev.warden.events.conversations.ToolCallRejectedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool calls on the real database: a proposal lands with its arguments and on its message, each
 * decision and the expiry land with who made them, a decision handled twice changes nothing, and the
 * lists of a conversation and of an organization's pending tool calls page newest first.
 */
class ToolCallsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConversationProjection conversations = ReadModelDatabase.bean(ConversationProjection.class);
    private final ToolCallProjection projection = ReadModelDatabase.bean(ToolCallProjection.class);
    private final ToolCallQueries queries = ReadModelDatabase.bean(ToolCallQueries.class);
    private final ConversationQueries messages = ReadModelDatabase.bean(ConversationQueries.class);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String conversationId = IdKind.CONVERSATION.next();
    private final String runner = IdKind.API_KEY.next();
    private final String bob = IdKind.USER.next();

    @Test
    void aProposalLandsWithItsArgumentsAndOnItsMessage() {
        started();
        ToolCallProposedEvent proposal = proposed(Map.of("workspace", "prod", "targets", List.of("a", "b"),
                "depth", 2), now);
        ToolCallView view = queries.toolCall(orgId, conversationId, proposal.toolCallId()).orElseThrow();
        assertThat(view.status()).isEqualTo("pending");
        assertThat(view.toolName()).isEqualTo("terraform.plan");
        assertThat(view.messageId()).isEqualTo(proposal.messageId());
        assertThat(view.expiresAt()).isEqualTo(now.plusSeconds(900));
        assertThat(view.proposedBy()).isEqualTo(runner);
        assertThat(view.decidedBy()).isNull();
        assertThat(JSON.readTree(view.arguments())).isEqualTo(JSON.valueToTree(proposal.arguments()));

        JsonNode onMessage = JSON.readTree(messages.messages(orgId, conversationId, PageRequest.of(null, null))
                .items().get(0).toolCalls());
        assertThat(onMessage.get(0).get("id").asString()).isEqualTo(proposal.toolCallId());
        assertThat(onMessage.get(0).get("name").asString()).isEqualTo("terraform.plan");
        assertThat(onMessage.get(0).get("arguments").get("depth").asInt()).isEqualTo(2);
        assertThat(queries.toolCall(orgId, IdKind.CONVERSATION.next(), proposal.toolCallId()))
                .as("under another conversation").isEmpty();
        assertThat(queries.toolCall(IdKind.ORGANIZATION.next(), conversationId, proposal.toolCallId()))
                .as("in another organization").isEmpty();
    }

    @Test
    void eachOutcomeLandsWithItsDeciderAndOnlyOnce() {
        started();
        String approved = proposed(Map.of(), now).toolCallId();
        String rejected = proposed(Map.of(), now.plusSeconds(1)).toolCallId();
        String expired = proposed(Map.of(), now.plusSeconds(2)).toolCallId();
        String pending = proposed(Map.of(), now.plusSeconds(3)).toolCallId();
        Logged approval = next(now.plusSeconds(10));
        ToolCallApprovedEvent approve = new ToolCallApprovedEvent(conversationId, orgId, approved, "terraform.plan",
                "fine");
        projection.on(approve, approval, bob);
        projection.on(new ToolCallRejectedEvent(conversationId, orgId, rejected, "terraform.plan", "no"),
                next(now.plusSeconds(10)), bob);
        projection.on(new ToolCallExpiredEvent(conversationId, orgId, expired, "terraform.plan"),
                next(now.plusSeconds(10)), "system");
        projection.on(approve, new Logged(approval.position(), now.plusSeconds(20)), "usr_someone_else");

        ToolCallView view = queries.toolCall(orgId, conversationId, approved).orElseThrow();
        assertThat(view.status()).isEqualTo("approved");
        assertThat(view.decidedBy()).isEqualTo(bob);
        assertThat(view.decisionReason()).isEqualTo("fine");
        assertThat(view.decidedAt()).isEqualTo(now.plusSeconds(10));
        assertThat(queries.toolCall(orgId, conversationId, rejected).orElseThrow().decisionReason()).isEqualTo("no");
        assertThat(queries.toolCall(orgId, conversationId, expired).orElseThrow().decidedBy()).isEqualTo("system");
        assertThat(queries.ofConversation(orgId, conversationId, PageRequest.of(null, null)).items())
                .extracting(ToolCallView::id).containsExactly(pending, expired, rejected, approved);
        assertThat(queries.ofOrganization(orgId, "pending", PageRequest.of(null, null)).items())
                .extracting(ToolCallView::id).containsExactly(pending);
        assertThat(queries.ofOrganization(orgId, null, PageRequest.of(null, null)).items())
                .extracting(ToolCallView::status).containsExactly("pending", "expired", "rejected", "approved");
    }

    @Test
    void anOrganizationsPendingToolCallsPageNewestFirstAndNeverAnotherOrganizations() {
        started();
        String older = proposed(Map.of(), now).toolCallId();
        String newer = proposed(Map.of(), now.plusSeconds(1)).toolCallId();
        String elsewhere = IdKind.ORGANIZATION.next();
        String theirConversation = IdKind.CONVERSATION.next();
        conversations.on(new ConversationStartedEvent(theirConversation, elsewhere, bob, "Theirs", null, null),
                next(now));
        projection.on(new ToolCallProposedEvent(theirConversation, elsewhere, IdKind.TOOL_CALL.next(),
                IdKind.MESSAGE.next(), "x", Map.of(), now.plusSeconds(60)), next(now.plusSeconds(5)), runner);

        Page<ToolCallView> first = queries.ofOrganization(orgId, "pending", PageRequest.of(1, null));
        assertThat(first.items()).extracting(ToolCallView::id).containsExactly(newer);
        assertThat(queries.ofOrganization(orgId, "pending", PageRequest.of(1, first.nextCursor())).items())
                .extracting(ToolCallView::id).containsExactly(older);
        assertThat(queries.ofConversation(elsewhere, conversationId, PageRequest.of(null, null)).items()).isEmpty();
    }

    @Test
    void theStatusFilterIsChecked() {
        assertThat(ToolCallQueries.status(null)).isNull();
        assertThat(ToolCallQueries.status("")).isNull();
        assertThat(ToolCallQueries.status("expired")).isEqualTo("expired");
        assertThatThrownBy(() -> ToolCallQueries.status("PENDING")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("status");
    }

    @Test
    void theResetEmptiesTheTable() {
        started();
        proposed(Map.of(), now);
        projection.reset();
        assertThat(ReadModelDatabase.jdbc().sql("SELECT count(*) FROM tool_calls").query(Long.class).single())
                .isZero();
    }

    private void started() {
        conversations.on(new ConversationStartedEvent(conversationId, orgId, bob, "Chat", null, null), next(now));
    }

    /** An assistant message proposing a tool call, each event handled twice. */
    private ToolCallProposedEvent proposed(Map<String, Object> arguments, Instant at) {
        String messageId = IdKind.MESSAGE.next();
        int sequence = messages.conversation(orgId, conversationId).orElseThrow().messageCount() + 1;
        MessagePostedEvent posted = new MessagePostedEvent(conversationId, orgId, messageId, sequence, "assistant",
                null, "", null, null, null, null);
        Logged postedAt = new Logged(nextPosition(), at);
        conversations.on(posted, postedAt, runner);
        ToolCallProposedEvent proposal = new ToolCallProposedEvent(conversationId, orgId, IdKind.TOOL_CALL.next(),
                messageId, "terraform.plan", arguments, at.plusSeconds(900));
        Logged proposedAt = new Logged(nextPosition(), at);
        projection.on(proposal, proposedAt, runner);
        projection.on(proposal, proposedAt, runner);
        return proposal;
    }
}
