package dev.warden.query.identity;

import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.query.support.Positions;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code users}, {@code organizations} and {@code members}. Inserts are idempotent. */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class IdentityProjection {

    public static final String GROUP = "identity-directory";

    private final JdbcClient jdbc;

    IdentityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(UserRegisteredEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO users (id, email, display_name, status, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(event.userId(), event.email(), event.displayName(), Timestamp.from(at), Timestamp.from(at),
                        Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(OrganizationCreatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token, @MetaDataValue("actorId") String actorId) {
        jdbc.sql("""
                        INSERT INTO organizations (id, name, created_by, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(event.organizationId(), event.name(), actorId, Timestamp.from(at), Timestamp.from(at),
                        Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(MemberAddedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO members (id, organization_id, user_id, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(event.memberId(), event.organizationId(), event.userId(), Timestamp.from(at),
                        Timestamp.from(at), Positions.of(token))
                .update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM organizations").update();
        jdbc.sql("DELETE FROM users").update();
    }
}
