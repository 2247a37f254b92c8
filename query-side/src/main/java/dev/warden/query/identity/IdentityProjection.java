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
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.PasswordRemovedEvent;
import dev.warden.events.identity.TotpDisabledEvent;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code users}, {@code accounts}, {@code organizations} and {@code members}, written with the
 * processor's batch ({@link ProjectionWrites}). Inserts are idempotent; updates and deletes only
 * apply to rows whose last event is older than the one handled, so handling an event twice changes
 * nothing. Sessions and API keys, in the same processing group, have projections of their own. Emails
 * and names are decrypted here ({@link PersonalValues}); an erased user keeps a row without them
 * ({@link ErasureProjection}).
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class IdentityProjection {

    public static final String GROUP = "identity-directory";

    /**
     * The batch key of every write of {@code accounts}: the same provider account may be unlinked and linked
     * again by another user (unique per provider), its id is not in a revision 2 unlink event, and an erasure
     * empties all of a user's accounts, whatever their providers, so all of them keep their log order.
     */
    static final String ACCOUNTS_KEY = "accounts";

    private final ProjectionWrites writes;
    private final PersonalValues personal;

    IdentityProjection(ProjectionWrites writes, PersonalValues personal) {
        this.writes = writes;
        this.personal = personal;
    }

    @EventHandler
    public void on(UserRegisteredEvent event, Logged logged) {
        String id = event.userId();
        writes.write(userKey(id), """
                        INSERT INTO users (id, email, display_name, status, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, 'active', ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                id, personal.read(id, PersonalFields.EMAIL, event.email(), event.encryptedEmail()),
                personal.read(id, PersonalFields.DISPLAY_NAME, event.displayName(), event.encryptedDisplayName()),
                logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(UserRenamedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.DISPLAY_NAME, personal.read(event.userId(), PersonalFields.DISPLAY_NAME,
                event.displayName(), event.encryptedDisplayName()), logged);
    }

    @EventHandler
    public void on(UserEmailChangedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.EMAIL, personal.read(event.userId(), PersonalFields.EMAIL,
                event.email(), event.encryptedEmail()), logged);
    }

    @EventHandler
    public void on(PasswordChangedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.HAS_PASSWORD, true, logged);
    }

    @EventHandler
    public void on(PasswordRemovedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.HAS_PASSWORD, false, logged);
    }

    @EventHandler
    public void on(UserDeactivatedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.STATUS, "deactivated", logged);
    }

    @EventHandler
    public void on(UserReactivatedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.STATUS, "active", logged);
    }

    @EventHandler
    public void on(TotpEnabledEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.TOTP_ENABLED, true, logged);
    }

    @EventHandler
    public void on(TotpDisabledEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.TOTP_ENABLED, false, logged);
    }

    @EventHandler
    public void on(OperatorGrantedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.OPERATOR, true, logged);
    }

    @EventHandler
    public void on(OperatorRevokedEvent event, Logged logged) {
        updateUser(event.userId(), UserColumn.OPERATOR, false, logged);
    }

    @EventHandler
    public void on(AccountLinkedEvent event, Logged logged) {
        writes.write(ACCOUNTS_KEY, """
                        INSERT INTO accounts (id, user_id, provider, provider_account_id, created_at, updated_at,
                                              last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.accountId(), event.userId(), event.provider(), personal.read(event.userId(),
                        PersonalFields.PROVIDER_ACCOUNT_ID, event.providerAccountId(), event.encryptedProviderAccountId()),
                logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(AccountUnlinkedEvent event, Logged logged) {
        writes.write(ACCOUNTS_KEY,
                "DELETE FROM accounts WHERE id = ? AND last_event_position < ?",
                event.accountId(), logged.position());
    }

    @EventHandler
    public void on(OrganizationCreatedEvent event, Logged logged, @MetaDataValue("actorId") String actorId) {
        writes.write(organizationKey(event.organizationId()), """
                        INSERT INTO organizations (id, name, created_by, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.organizationId(), event.name(), actorId, logged.time(), logged.time(), logged.position());
    }

    @EventHandler
    public void on(OrganizationRenamedEvent event, Logged logged) {
        writes.write(organizationKey(event.organizationId()), """
                        UPDATE organizations SET name = ?, updated_at = ?, last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                event.name(), logged.time(), logged.position(), event.organizationId(), logged.position());
    }

    @EventHandler
    public void on(MemberAddedEvent event, Logged logged) {
        writes.write(organizationKey(event.organizationId()), """
                        INSERT INTO members (id, organization_id, user_id, created_at, updated_at, last_event_position)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.memberId(), event.organizationId(), event.userId(), logged.time(), logged.time(),
                logged.position());
    }

    @EventHandler
    public void on(MemberRemovedEvent event, Logged logged) {
        writes.write(organizationKey(event.organizationId()),
                "DELETE FROM members WHERE id = ? AND organization_id = ? AND last_event_position < ?",
                event.memberId(), event.organizationId(), logged.position());
    }

    @EventHandler
    public void on(MemberSuspendedEvent event, Logged logged) {
        updateMember(event.organizationId(), event.userId(), MemberColumn.SUSPENDED, true, logged);
    }

    @EventHandler
    public void on(MemberReinstatedEvent event, Logged logged) {
        updateMember(event.organizationId(), event.userId(), MemberColumn.SUSPENDED, false, logged);
    }

    /** Sessions started before this event's time stop reaching the organization (see PrincipalLookup). */
    @EventHandler
    public void on(MemberSessionsEndedEvent event, Logged logged) {
        updateMember(event.organizationId(), event.userId(), MemberColumn.SESSIONS_ENDED_AT, logged.time(), logged);
    }

    @ResetHandler
    public void reset() {
        writes.clear("accounts", "members", "organizations", "users");
    }

    /** Sets one column of a user, unless this event (or a later one) was applied to the row already. */
    private void updateUser(String userId, UserColumn column, Object value, Logged logged) {
        writes.write(userKey(userId), column.update,
                value, logged.time(), logged.position(), userId, logged.position());
    }

    /** Sets one column of a member row, unless this event (or a later one) was applied to it already. */
    private void updateMember(String organizationId, String userId, MemberColumn column, Object value,
                              Logged logged) {
        writes.write(organizationKey(organizationId), column.update,
                value, logged.time(), logged.position(), organizationId, userId, logged.position());
    }

    static String userKey(String userId) {
        return "users " + userId;
    }

    /** An organization with its members: a member row needs its organization's row, and is unique per user in it. */
    private static String organizationKey(String organizationId) {
        return "organizations " + organizationId;
    }

    /** The columns of {@code users} that events change one at a time. */
    private enum UserColumn {
        DISPLAY_NAME("display_name"),
        EMAIL("email"),
        STATUS("status"),
        HAS_PASSWORD("has_password"),
        TOTP_ENABLED("totp_enabled"),
        OPERATOR("operator");

        private final String update;

        UserColumn(String column) {
            this.update = "UPDATE users SET " + column + " = ?, updated_at = ?, last_event_position = ?"
                    + " WHERE id = ? AND last_event_position < ?";
        }
    }

    /** The columns of {@code members} that events change one at a time. */
    private enum MemberColumn {
        SUSPENDED("suspended"),
        SESSIONS_ENDED_AT("sessions_ended_at");

        private final String update;

        MemberColumn(String column) {
            this.update = "UPDATE members SET " + column + " = ?, updated_at = ?, last_event_position = ?"
                    + " WHERE organization_id = ? AND user_id = ? AND last_event_position < ?";
        }
    }
}
