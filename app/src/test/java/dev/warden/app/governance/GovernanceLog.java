package dev.warden.app.governance;

import dev.warden.events.governance.SealedArguments;
import dev.warden.keys.DataKeys;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Governance events appended to the log as the command side appends them (with the organization and the
 * actor in their metadata), so the read side's endpoints can be tested on their own; and arguments sealed
 * under the organization's governance data key, as a decision holds them.
 */
final class GovernanceLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventStore events;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final DataKeys keys;

    GovernanceLog(EventStore events, TransactionTemplate transactions, JdbcClient jdbc, DataKeys keys) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Appends {@code payload} as event {@code sequence} of the aggregate, in {@code organizationId}; its position. */
    long append(String aggregateType, String aggregateId, long sequence, Object payload, String organizationId) {
        String eventId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> events.publish(new GenericDomainEventMessage<>(aggregateType,
                aggregateId, sequence, payload, MetaData.from(Map.of("organizationId", organizationId,
                "actorId", "usr_governance_tester", "actorType", "user")), eventId, Instant.now())));
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    /** {@code arguments} sealed for one decision, as the command side records them. */
    SealedArguments seal(String organizationId, String sessionId, String decisionId, Map<String, Object> arguments) {
        byte[] ciphertext = transactions.execute(status -> keys.encrypt(SealedArguments.subject(organizationId),
                JSON.writeValueAsString(arguments), SealedArguments.associatedData(sessionId, decisionId)));
        return new SealedArguments(Base64.getEncoder().encodeToString(ciphertext));
    }
}
