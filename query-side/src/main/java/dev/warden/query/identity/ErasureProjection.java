package dev.warden.query.identity;

import dev.warden.events.identity.UserPersonalDataErasedEvent;
import dev.warden.query.support.Logged;
import dev.warden.query.support.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What an erasure of personal data leaves in the read models: the user's row stays, with no email or
 * name and {@code erased_at} set; their linked accounts keep no provider account id, and the
 * invitations sent to their email keep no address. The keys of
 * those subjects are forgotten by this process first, in case another one destroyed them, so that a
 * replay cannot read them again. Written with the same batch keys as the rows' own projections.
 */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class ErasureProjection {

    private final ProjectionWrites writes;
    private final PersonalValues personal;

    ErasureProjection(ProjectionWrites writes, PersonalValues personal) {
        this.writes = writes;
        this.personal = personal;
    }

    @EventHandler
    public void on(UserPersonalDataErasedEvent event, Logged logged) {
        personal.forget(event.userId());
        writes.write(IdentityProjection.userKey(event.userId()), """
                        UPDATE users SET email = NULL, display_name = NULL, erased_at = ?, updated_at = ?,
                            last_event_position = ?
                        WHERE id = ? AND last_event_position < ?""",
                logged.time(), logged.time(), logged.position(), event.userId(), logged.position());
        writes.write(IdentityProjection.ACCOUNTS_KEY, """
                        UPDATE accounts SET provider_account_id = NULL, updated_at = ?, last_event_position = ?
                        WHERE user_id = ? AND last_event_position < ?""",
                logged.time(), logged.position(), event.userId(), logged.position());
        for (String invitationId : event.invitationIds()) {
            personal.forget(invitationId);
            writes.write(InvitationProjection.key(invitationId), """
                            UPDATE invitations SET email = NULL, email_erased = true, updated_at = ?,
                                last_event_position = ?
                            WHERE id = ? AND last_event_position < ?""",
                    logged.time(), logged.position(), invitationId, logged.position());
        }
    }
}
