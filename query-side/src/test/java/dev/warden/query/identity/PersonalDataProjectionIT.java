package dev.warden.query.identity;

import static dev.warden.query.support.ReadModelDatabase.batch;
import static dev.warden.query.support.ReadModelDatabase.next;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.MemberInvitedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.PersonalFields;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserPersonalDataErasedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.keys.DataKeys;
import dev.warden.query.support.ProjectionWrites;
import dev.warden.query.support.ReadModelDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data in identity events of revision 2: decrypted into the read models; once the subject's key
 * is destroyed, projected (again, as a replay would) without it and never failing; the erasure event
 * empties the user's row and the invitations sent to their email.
 */
class PersonalDataProjectionIT {

    private final JdbcClient jdbc = ReadModelDatabase.jdbc();
    private final DataKeys keys = ReadModelDatabase.dataKeys();
    private final IdentityProjection identity = ReadModelDatabase.bean(IdentityProjection.class);
    private final InvitationProjection invitations = ReadModelDatabase.bean(InvitationProjection.class);
    private final ErasureProjection erasure = ReadModelDatabase.bean(ErasureProjection.class);
    private final IdentityQueries queries = ReadModelDatabase.bean(IdentityQueries.class);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void encryptedEventsProjectDecrypted() {
        String userId = IdKind.USER.next();
        identity.on(registered(userId, "enc@example.com", "Enc"), next(at));
        identity.on(UserRenamedEvent.encrypted(userId, seal(userId, PersonalFields.DISPLAY_NAME, "Encrypted")), next(at));
        identity.on(UserEmailChangedEvent.encrypted(userId, seal(userId, PersonalFields.EMAIL, "new@example.com")),
                next(at));

        UserView user = queries.user(userId).orElseThrow();
        assertThat(user.email()).isEqualTo("new@example.com");
        assertThat(user.displayName()).isEqualTo("Encrypted");
        assertThat(user.erased()).isFalse();
    }

    @Test
    void afterErasureTheSameEventsProjectWithoutPersonalDataAndTheRowsMatch() {
        String userId = IdKind.USER.next();
        String orgId = IdKind.ORGANIZATION.next();
        String invitationId = IdKind.INVITATION.next();
        UserRegisteredEvent registered = registered(userId, "gone@example.com", "Gone");
        MemberInvitedEvent invited = new MemberInvitedEvent(invitationId, orgId, null, null, at.plusSeconds(3600),
                seal(invitationId, PersonalFields.EMAIL, "gone@example.com"));
        UserPersonalDataErasedEvent erased = new UserPersonalDataErasedEvent(userId, List.of(invitationId));
        identity.on(new OrganizationCreatedEvent(orgId, "Erasure Ltd"), next(at), "usr_founder");
        identity.on(registered, next(at));
        invitations.on(invited, next(at), "usr_founder");
        assertThat(row("users", userId).get("email")).isEqualTo("gone@example.com");
        assertThat(row("invitations", invitationId).get("email")).isEqualTo("gone@example.com");

        keys.destroy(userId);
        keys.destroy(invitationId);
        erasure.on(erased, next(at));
        Map<String, Object> user = row("users", userId);
        Map<String, Object> invitation = row("invitations", invitationId);
        assertThat(user.get("email")).isNull();
        assertThat(user.get("display_name")).isNull();
        assertThat(user.get("erased_at")).isNotNull();
        assertThat(invitation.get("email")).isNull();
        assertThat(invitation.get("email_erased")).isEqualTo(true);

        jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update();
        jdbc.sql("DELETE FROM invitations WHERE id = ?").param(invitationId).update();
        identity.on(registered, next(at));
        invitations.on(invited, next(at), "usr_founder");
        assertThat(row("users", userId).get("email")).as("replayed with the key destroyed").isNull();
        assertThat(row("invitations", invitationId).get("email_erased")).isEqualTo(true);
        erasure.on(erased, next(at));
        assertThat(row("users", userId)).as("the same erased row as before")
                .containsAllEntriesOf(without(user, "last_event_position", "created_at", "updated_at"));
        assertThat(queries.user(userId).orElseThrow().erased()).isTrue();
    }

    /**
     * In one batch an erasure (of anyone) comes first, then a user links an account and is erased: the
     * account's insert must land before the erasure empties the user's accounts, though another erasure's
     * update of accounts was queued before it. The two projections share one {@link ProjectionWrites}, as
     * in the processing group.
     */
    @Test
    void anAccountLinkedInTheBatchOfItsUsersErasureKeepsNoProviderAccountId() {
        String other = IdKind.USER.next();
        String userId = IdKind.USER.next();
        String accountId = IdKind.ACCOUNT.next();
        ProjectionWrites shared = ReadModelDatabase.writes();
        PersonalValues values = new PersonalValues(keys);
        IdentityProjection identity = new IdentityProjection(shared, values);
        ErasureProjection erasure = new ErasureProjection(shared, values);
        identity.on(registered(other, "other@example.com", "Other"), next(at));
        identity.on(registered(userId, "linker@example.com", "Linker"), next(at));

        batch(() -> {
            erasure.on(new UserPersonalDataErasedEvent(other, List.of()), next(at));
            identity.on(AccountLinkedEvent.encrypted(userId, accountId, "github",
                    seal(userId, PersonalFields.PROVIDER_ACCOUNT_ID, "linker-gh")), next(at));
            erasure.on(new UserPersonalDataErasedEvent(userId, List.of()), next(at));
        });

        assertThat(row("accounts", accountId).get("provider_account_id")).as("the erased user's external account id")
                .isNull();
        assertThat(row("users", userId).get("erased_at")).isNotNull();
    }

    @Test
    void aRevisionOneEventStillProjectsItsPlaintext() {
        String userId = IdKind.USER.next();
        identity.on(new UserRegisteredEvent(userId, "old@example.com", "Old"), next(at));
        identity.on(new UserRenamedEvent(userId, "Older"), next(at));

        assertThat(queries.user(userId).orElseThrow().displayName()).isEqualTo("Older");
        assertThat(queries.user(userId).orElseThrow().email()).isEqualTo("old@example.com");
    }

    private UserRegisteredEvent registered(String userId, String email, String name) {
        return UserRegisteredEvent.encrypted(userId, seal(userId, PersonalFields.EMAIL, email),
                seal(userId, PersonalFields.DISPLAY_NAME, name));
    }

    private byte[] seal(String subjectId, String field, String value) {
        return keys.encrypt(subjectId, value, PersonalFields.associatedData(subjectId, field));
    }

    private Map<String, Object> row(String table, String id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow();
    }

    private static Map<String, Object> without(Map<String, Object> row, String... columns) {
        Map<String, Object> copy = new java.util.HashMap<>(row);
        for (String column : columns) {
            copy.remove(column);
        }
        return copy;
    }
}
