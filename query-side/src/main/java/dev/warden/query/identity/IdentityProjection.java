package dev.warden.query.identity;

import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AccountUnlinkedEvent;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.MemberReinstatedEvent;
import dev.warden.events.identity.MemberRemovedEvent;
import dev.warden.events.identity.MemberSessionsEndedEvent;
import dev.warden.events.identity.MemberSuspendedEvent;
import dev.warden.events.identity.OperatorGrantedEvent;
import dev.warden.events.identity.OperatorRevokedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.OrganizationRenamedEvent;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.PasswordRemovedEvent;
import dev.warden.events.identity.TotpDisabledEvent;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
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

/**
 * Keeps {@code users}, {@code accounts}, {@code organizations} and {@code members}. Inserts are
 * idempotent; updates and deletes only apply to rows whose last event is older than the one handled,
 * so handling an event twice changes nothing. Sessions and API keys, in the same processing group,
 * have projections of their own.
 */
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
    public void on(UserRenamedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.DISPLAY_NAME, event.displayName(), at, token);
    }

    @EventHandler
    public void on(UserEmailChangedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.EMAIL, event.email(), at, token);
    }

    @EventHandler
    public void on(PasswordChangedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.HAS_PASSWORD, true, at, token);
    }

    @EventHandler
    public void on(PasswordRemovedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.HAS_PASSWORD, false, at, token);
    }

    @EventHandler
    public void on(UserDeactivatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.STATUS, "deactivated", at, token);
    }

    @EventHandler
    public void on(UserReactivatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.STATUS, "active", at, token);
    }

    @EventHandler
    public void on(TotpEnabledEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.TOTP_ENABLED, true, at, token);
    }

    @EventHandler
    public void on(TotpDisabledEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.TOTP_ENABLED, false, at, token);
    }

    @EventHandler
    public void on(OperatorGrantedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.OPERATOR, true, at, token);
    }

    @EventHandler
    public void on(OperatorRevokedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateUser(event.userId(), UserColumn.OPERATOR, false, at, token);
    }

    @EventHandler
    public void on(AccountLinkedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO accounts (id, user_id, provider, provider_account_id, created_at, updated_at,
                                              last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.accountId(), event.userId(), event.provider(), event.providerAccountId(),
                        Timestamp.from(at), Timestamp.from(at), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(AccountUnlinkedEvent event, TrackingToken token) {
        jdbc.sql("DELETE FROM accounts WHERE id = ? AND last_event_position < ?")
                .params(event.accountId(), Positions.of(token))
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
    public void on(OrganizationRenamedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("""
                        UPDATE organizations SET name = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""")
                .params(event.name(), Timestamp.from(at), position, event.organizationId(), position)
                .update();
    }

    @EventHandler
    public void on(MemberAddedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        jdbc.sql("""
                        INSERT INTO members (id, organization_id, user_id, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(event.memberId(), event.organizationId(), event.userId(), Timestamp.from(at),
                        Timestamp.from(at), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(MemberRemovedEvent event, TrackingToken token) {
        jdbc.sql("DELETE FROM members WHERE id = ? AND organization_id = ? AND last_event_position < ?")
                .params(event.memberId(), event.organizationId(), Positions.of(token))
                .update();
    }

    @EventHandler
    public void on(MemberSuspendedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateMember(event.organizationId(), event.userId(), "suspended", true, at, token);
    }

    @EventHandler
    public void on(MemberReinstatedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateMember(event.organizationId(), event.userId(), "suspended", false, at, token);
    }

    /** Sessions started before this event's time stop reaching the organization (see PrincipalLookup). */
    @EventHandler
    public void on(MemberSessionsEndedEvent event, @org.axonframework.eventhandling.Timestamp Instant at,
                   TrackingToken token) {
        updateMember(event.organizationId(), event.userId(), "sessions_ended_at", Timestamp.from(at), at, token);
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("DELETE FROM accounts").update();
        jdbc.sql("DELETE FROM members").update();
        jdbc.sql("DELETE FROM organizations").update();
        jdbc.sql("DELETE FROM users").update();
    }

    /** Sets one column of a user, unless this event (or a later one) was applied to the row already. */
    private void updateUser(String userId, UserColumn column, Object value, Instant at, TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("UPDATE users SET " + column.sql + " = ?, updated_at = ?, last_event_position = ?"
                        + " WHERE id = ? AND last_event_position < ?")
                .params(value, Timestamp.from(at), position, userId, position)
                .update();
    }

    /** Sets one column of a member row, unless this event (or a later one) was applied to it already. */
    private void updateMember(String organizationId, String userId, String column, Object value, Instant at,
                              TrackingToken token) {
        long position = Positions.of(token);
        jdbc.sql("UPDATE members SET " + column + " = ?, updated_at = ?, last_event_position = ?"
                        + " WHERE organization_id = ? AND user_id = ? AND last_event_position < ?")
                .params(value, Timestamp.from(at), position, organizationId, userId, position)
                .update();
    }

    /** The columns of {@code users} that events change one at a time. */
    private enum UserColumn {
        DISPLAY_NAME("display_name"),
        EMAIL("email"),
        STATUS("status"),
        HAS_PASSWORD("has_password"),
        TOTP_ENABLED("totp_enabled"),
        OPERATOR("operator");

        private final String sql;

        UserColumn(String sql) {
            this.sql = sql;
        }
    }
}
