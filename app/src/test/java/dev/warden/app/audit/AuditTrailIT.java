package dev.warden.app.audit;

import static dev.warden.app.support.Fixtures.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail reads the log itself, so an event type that no projection handles still shows,
 * with its metadata and payload, and waiting for its position does not hang the read side.
 */
@WardenTest
class AuditTrailIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsAnEventTypeNoProjectionHandles() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        String noteId = "note-" + Fixtures.unique();
        String requestId = "req-" + Fixtures.unique();

        long position = append(noteId, Map.of("organizationId", org.id(), "actorId", "usr_auditor",
                "actorType", "user", "requestId", requestId, "correlationId", requestId, "clientAddress", "192.0.2.7"));

        Api.Response read = api.get("/api/orgs/" + org.id() + "/audit?minPosition=" + position);
        JsonNode note = items(read).get(0);
        assertThat(note.get("position").asLong()).isEqualTo(position);
        assertThat(note.get("eventType").asString()).isEqualTo("NoteRecordedEvent");
        assertThat(note.get("entityType").asString()).isEqualTo("Note");
        assertThat(note.get("entityId").asString()).isEqualTo(noteId);
        assertThat(note.get("entityVersion").asLong()).isZero();
        assertThat(note.get("actorId").asString()).isEqualTo("usr_auditor");
        assertThat(note.get("actorType").asString()).isEqualTo("user");
        assertThat(note.get("requestId").asString()).isEqualTo(requestId);
        assertThat(note.get("correlationId").asString()).isEqualTo(requestId);
        assertThat(note.get("clientAddress").asString()).isEqualTo("192.0.2.7");
        assertThat(note.get("payload").get("text").asString()).isEqualTo("Quarterly access review done");
        assertThat(items(api.get("/api/orgs/" + org.id() + "/audit?eventType=NoteRecordedEvent")))
                .extracting(e -> e.get("entityId").asString()).containsExactly(noteId);
    }

    @Test
    void showsAnEventOnlyToTheOrganizationItsMetadataNames() {
        Api api = Api.admin(port);
        Api.Response named = Fixtures.organization(api);
        Api.Response other = Fixtures.organization(api);
        String noteId = "note-" + Fixtures.unique();

        long position = append(noteId, Map.of("organizationId", named.id(), "actorId", "system",
                "actorType", "system"));
        long unscoped = append("note-" + Fixtures.unique(), Map.of("actorId", "system", "actorType", "system"));

        assertThat(items(api.get("/api/orgs/" + named.id() + "/audit?minPosition=" + Math.max(position, unscoped))))
                .extracting(e -> e.get("entityId").asString()).containsExactly(noteId, named.id(), named.id(), named.id());
        assertThat(items(api.get("/api/orgs/" + other.id() + "/audit?entity=" + noteId))).isEmpty();
        assertThat(items(api.get("/api/orgs/" + other.id() + "/audit")))
                .extracting(e -> e.get("eventType").asString())
                .containsExactly("RoleAssignedEvent", "MemberAddedEvent", "OrganizationCreatedEvent");
    }

    /** Appends one note to the log, as some future context would, and returns its position. */
    private long append(String noteId, Map<String, ?> metadata) {
        String eventId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Note",
                noteId, 0L, new NoteRecordedEvent(noteId, (String) metadata.get("organizationId"),
                "Quarterly access review done"), MetaData.from(metadata), eventId, Instant.now())));
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }
}
