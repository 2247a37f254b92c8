package dev.warden.query.conversations;

import static dev.warden.query.support.ReadModelDatabase.next;
import static dev.warden.query.support.ReadModelDatabase.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.events.conversations.ConversationArchivedEvent;
import dev.warden.events.conversations.ConversationRenamedEvent;
import dev.warden.events.conversations.ConversationRestoredEvent;
import dev.warden.events.conversations.ConversationStartedEvent;
import dev.warden.events.conversations.MessagePostedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.support.InvalidQueryException;
import dev.warden.query.support.Logged;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversations and their messages on the real database: every event lands, an event handled twice
 * (also after later ones) changes nothing, token totals add up per conversation and per organization
 * and model, and the lists page in their order.
 */
class ConversationsIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final ConversationProjection projection = ReadModelDatabase.bean(ConversationProjection.class);
    private final ConversationQueries queries = ReadModelDatabase.bean(ConversationQueries.class);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String alice = IdKind.USER.next();
    private final String runner = IdKind.API_KEY.next();

    @Test
    void aConversationsLifeLands() {
        String projectId = IdKind.PROJECT.next();
        String workspaceId = IdKind.WORKSPACE.next();
        String id = IdKind.CONVERSATION.next();
        projection.on(new ConversationStartedEvent(id, orgId, alice, "Deploy", projectId, workspaceId), next(now));
        projection.on(new ConversationRenamedEvent(id, orgId, "Ship it", "Deploy"), next(now.plusSeconds(1)));
        projection.on(new ConversationArchivedEvent(id, orgId), next(now.plusSeconds(2)));

        ConversationView archived = queries.conversation(orgId, id).orElseThrow();
        assertThat(archived.title()).isEqualTo("Ship it");
        assertThat(archived.projectId()).isEqualTo(projectId);
        assertThat(archived.workspaceId()).isEqualTo(workspaceId);
        assertThat(archived.startedBy()).isEqualTo(alice);
        assertThat(archived.status()).isEqualTo("archived");
        assertThat(archived.archivedAt()).isEqualTo(now.plusSeconds(2));
        assertThat(archived.createdAt()).isEqualTo(now);

        projection.on(new ConversationRestoredEvent(id, orgId), next(now.plusSeconds(3)));
        ConversationView restored = queries.conversation(orgId, id).orElseThrow();
        assertThat(restored.status()).isEqualTo("active");
        assertThat(restored.archivedAt()).isNull();
        assertThat(restored.updatedAt()).isEqualTo(now.plusSeconds(3));
        assertThat(queries.conversation(IdKind.ORGANIZATION.next(), id)).as("another organization's").isEmpty();
    }

    @Test
    void messagesLandInOrderWithTheirTokensAndAddUpOnTheConversation() {
        String id = started();
        String question = post(id, 1, "user", alice, null, null, null, null, alice, next(now));
        String answer = post(id, 2, "assistant", null, "model-a", 100L, 20L, 80L, runner, next(now));

        List<MessageView> messages = queries.messages(orgId, id, PageRequest.of(null, null)).items();
        assertThat(messages).extracting(MessageView::id).containsExactly(question, answer);
        MessageView first = messages.get(0);
        assertThat(first.authorId()).isEqualTo(alice);
        assertThat(first.postedBy()).isEqualTo(alice);
        assertThat(first.inputTokens()).isNull();
        MessageView second = messages.get(1);
        assertThat(second.authorId()).isNull();
        assertThat(second.postedBy()).isEqualTo(runner);
        assertThat(second.model()).isEqualTo("model-a");
        assertThat(List.of(second.inputTokens(), second.outputTokens(), second.cachedTokens()))
                .containsExactly(100L, 20L, 80L);

        ConversationView conversation = queries.conversation(orgId, id).orElseThrow();
        assertThat(conversation.messageCount()).isEqualTo(2);
        assertThat(conversation.model()).isEqualTo("model-a");
        assertThat(List.of(conversation.inputTokens(), conversation.outputTokens(), conversation.cachedTokens()))
                .containsExactly(100L, 20L, 80L);
        assertThat(conversation.lastMessageAt()).isEqualTo(now);
    }

    @Test
    void anEventHandledAgainAddsNothing() {
        String id = started();
        Logged first = next(now);
        Logged second = next(now.plusSeconds(1));
        MessagePostedEvent a = message(id, 1, "model-a", 100L, 10L, 5L);
        MessagePostedEvent b = message(id, 2, "model-a", 1L, 2L, 3L);
        projection.on(a, first, runner);
        projection.on(a, first, runner);
        projection.on(b, second, runner);
        // Re-delivered after a later event of the same rows, as after a crash before the token was stored.
        projection.on(a, first, runner);
        projection.on(b, second, runner);

        ConversationView conversation = queries.conversation(orgId, id).orElseThrow();
        assertThat(conversation.messageCount()).isEqualTo(2);
        assertThat(List.of(conversation.inputTokens(), conversation.outputTokens(), conversation.cachedTokens()))
                .containsExactly(101L, 12L, 8L);
        assertThat(queries.tokenTotals(orgId, PageRequest.of(null, null)).items())
                .containsExactly(new TokenTotalView("model-a", 2, 101, 12, 8));
        assertThat(queries.messages(orgId, id, PageRequest.of(null, null)).items()).hasSize(2);
    }

    @Test
    void tokenTotalsAddUpPerOrganizationAndModelAcrossConversations() {
        String one = started();
        String two = started();
        projection.on(message(one, 1, "model-b", 10L, 1L, null), next(now), runner);
        projection.on(message(two, 1, "model-b", 5L, 2L, 4L), next(now), runner);
        projection.on(message(two, 2, "model-a", 7L, null, null), next(now), runner);
        projection.on(message(one, 2, null, null, null, null), next(now), alice);
        String elsewhere = IdKind.ORGANIZATION.next();
        String theirs = IdKind.CONVERSATION.next();
        projection.on(new ConversationStartedEvent(theirs, elsewhere, alice, "Theirs", null, null), next(now));
        projection.on(new MessagePostedEvent(theirs, elsewhere, IdKind.MESSAGE.next(), 1, "assistant", null, "x",
                "model-a", 1000L, 1000L, 1000L), next(now), runner);

        assertThat(queries.tokenTotals(orgId, PageRequest.of(null, null)).items()).containsExactly(
                new TokenTotalView("model-a", 1, 7, 0, 0),
                new TokenTotalView("model-b", 2, 15, 3, 4));
        Page<TokenTotalView> first = queries.tokenTotals(orgId, PageRequest.of(1, null));
        assertThat(first.items()).extracting(TokenTotalView::model).containsExactly("model-a");
        assertThat(queries.tokenTotals(orgId, PageRequest.of(1, first.nextCursor())).items())
                .extracting(TokenTotalView::model).containsExactly("model-b");
        assertThat(queries.conversation(orgId, one).orElseThrow().model()).as("the latest model named")
                .isEqualTo("model-b");
    }

    @Test
    void messagesOfOneInstantPageInTheOrderTheyWerePosted() {
        String id = started();
        List<String> posted = new ArrayList<>();
        for (int sequence = 1; sequence <= 5; sequence++) {
            posted.add(post(id, sequence, "user", alice, null, null, null, null, alice, next(now)));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            Page<MessageView> page = queries.messages(orgId, id, PageRequest.of(2, cursor));
            page.items().forEach(m -> read.add(m.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(read).containsExactlyElementsOf(posted);
        assertThat(queries.messages(IdKind.ORGANIZATION.next(), id, PageRequest.of(null, null)).items())
                .as("another organization reads none").isEmpty();
        for (String bad : List.of("abc", "0", "-1")) {
            assertThatThrownBy(() -> queries.messages(orgId, id, PageRequest.of(2, PageRequest.cursor(bad))))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("cursor");
        }
    }

    @Test
    void conversationsAreListedNewestFirstAndOnlyTheOrganizations() {
        String older = started(now);
        String newer = started(now.plusSeconds(5));
        String elsewhere = IdKind.CONVERSATION.next();
        projection.on(new ConversationStartedEvent(elsewhere, IdKind.ORGANIZATION.next(), alice, "Theirs", null,
                null), next(now.plusSeconds(1)));

        Page<ConversationView> first = queries.conversations(orgId, PageRequest.of(1, null));
        assertThat(first.items()).extracting(ConversationView::id).containsExactly(newer);
        assertThat(queries.conversations(orgId, PageRequest.of(1, first.nextCursor())).items())
                .extracting(ConversationView::id).containsExactly(older);
        assertThat(queries.conversations(orgId, PageRequest.of(null, null)).items())
                .extracting(ConversationView::organizationId).containsOnly(orgId);
    }

    @Test
    void theResetEmptiesTheTables() {
        String id = started();
        post(id, 1, "assistant", null, "model-a", 1L, 1L, 1L, runner, next(now));
        projection.reset();
        for (String table : List.of("conversations", "messages", "conversation_token_totals")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).as(table).isZero();
        }
    }

    private String started() {
        return started(now);
    }

    private String started(Instant at) {
        String id = IdKind.CONVERSATION.next();
        ConversationStartedEvent event = new ConversationStartedEvent(id, orgId, alice, "Chat", null, null);
        long position = nextPosition();
        projection.on(event, new Logged(position, at));
        projection.on(event, new Logged(position, at));
        return id;
    }

    private MessagePostedEvent message(String conversationId, int sequence, String model, Long input, Long output,
                                       Long cached) {
        return new MessagePostedEvent(conversationId, orgId, IdKind.MESSAGE.next(), sequence, "assistant", null,
                "Answer " + sequence, model, input, output, cached);
    }

    private String post(String conversationId, int sequence, String role, String authorId, String model, Long input,
                        Long output, Long cached, String actor, Logged logged) {
        String messageId = IdKind.MESSAGE.next();
        projection.on(new MessagePostedEvent(conversationId, orgId, messageId, sequence, role, authorId,
                "Message " + sequence, model, input, output, cached), logged, actor);
        return messageId;
    }
}
