package dev.warden.command.identity;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.identity.AccountLinkedEvent;
import dev.warden.events.identity.AccountUnlinkedEvent;
import dev.warden.events.identity.AllSessionsRevokedEvent;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.OperatorGrantedEvent;
import dev.warden.events.identity.OperatorRevokedEvent;
import dev.warden.events.identity.PasswordChangedEvent;
import dev.warden.events.identity.PasswordRemovedEvent;
import dev.warden.events.identity.TotpDisabledEvent;
import dev.warden.events.identity.TotpEnabledEvent;
import dev.warden.events.identity.UserDeactivatedEvent;
import dev.warden.events.identity.UserEmailChangedEvent;
import dev.warden.events.identity.UserPersonalDataErasedEvent;
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.DomainException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered person: whether they may sign in, and how (a password, linked external accounts, a
 * TOTP second factor). A user always keeps at least one way to sign in. Secret material (the
 * password hash, the TOTP secret) is kept by {@link Credentials}, outside the log; the events only
 * say that it changed. Email, name and external account ids enter events encrypted under the user's
 * data key, not its state (claims are by keyed hash: {@link UserRules}); once erased, they stay so.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class User {

    @AggregateIdentifier
    private String userId;
    private boolean active;
    private boolean erased;
    private boolean hasPassword;
    private boolean totpEnabled;
    private boolean operator;
    /** Linked accounts: account id to provider (the provider's account id is kept only encrypted, in the log). */
    private Map<String, String> accounts = new HashMap<>();

    protected User() {
    }

    /** Registers the user; the caller has checked the input, claimed the email, stored the password, encrypted. */
    User(String userId, byte[] encryptedEmail, byte[] encryptedDisplayName) {
        apply(UserRegisteredEvent.encrypted(userId, encryptedEmail, encryptedDisplayName));
        apply(new PasswordChangedEvent(userId));
    }

    boolean active() {
        return active;
    }

    boolean totpEnabled() {
        return totpEnabled;
    }

    boolean erased() {
        return erased;
    }

    boolean operator() {
        return operator;
    }

    void grantOperator() {
        if (!operator) {
            apply(new OperatorGrantedEvent(userId));
        }
    }

    void revokeOperator() {
        if (operator) {
            apply(new OperatorRevokedEvent(userId));
        }
    }

    /** The name is kept only encrypted, so every rename is recorded, even to the same name. */
    void rename(byte[] encryptedName) {
        requireNotErased();
        apply(UserRenamedEvent.encrypted(userId, encryptedName));
    }

    /** The email is kept only encrypted (and claimed by its hash), so every change is recorded. */
    void changeEmail(byte[] encryptedEmail) {
        requireNotErased();
        apply(UserEmailChangedEvent.encrypted(userId, encryptedEmail));
    }

    /** Records the erasure (the caller destroyed the keys, released the claims): deactivated, sessions ended. */
    void erase(List<String> invitationIds) {
        if (erased) {
            return;
        }
        deactivate();
        revokeAllSessions();
        apply(new UserPersonalDataErasedEvent(userId, List.copyOf(invitationIds)));
    }

    void requireNotErased() {
        if (erased) {
            throw new DomainException(IdentityErrorCode.USER_ERASED, "This user's personal data was erased");
        }
    }

    void passwordChanged() {
        requireNotErased();
        apply(new PasswordChangedEvent(userId));
    }

    void removePassword() {
        if (!hasPassword) {
            return;
        }
        if (accounts.isEmpty()) {
            throw lastWayIn();
        }
        apply(new PasswordRemovedEvent(userId));
    }

    void deactivate() {
        if (active) {
            apply(new UserDeactivatedEvent(userId));
        }
    }

    void reactivate() {
        requireNotErased();
        if (!active) {
            apply(new UserReactivatedEvent(userId));
        }
    }

    void linkAccount(String accountId, String provider, byte[] encryptedProviderAccountId) {
        requireNotErased();
        if (!accounts.containsKey(accountId)) {
            apply(AccountLinkedEvent.encrypted(userId, accountId, provider, encryptedProviderAccountId));
        }
    }

    /** Unlinks an account (the caller frees its claim, owned by the account id). */
    void unlinkAccount(String accountId) {
        String provider = accounts.get(accountId);
        if (provider == null) {
            throw IdKind.ACCOUNT.notFound(accountId);
        }
        if (!hasPassword && accounts.size() == 1) {
            throw lastWayIn();
        }
        apply(new AccountUnlinkedEvent(userId, accountId, provider, null));
    }

    Set<String> accountIds() {
        return Set.copyOf(accounts.keySet());
    }

    void enableTotp() {
        if (totpEnabled) {
            throw new DomainException(IdentityErrorCode.TOTP_ALREADY_ENABLED, "TOTP is on already");
        }
        apply(new TotpEnabledEvent(userId));
    }

    void disableTotp() {
        if (totpEnabled) {
            apply(new TotpDisabledEvent(userId));
        }
    }

    void revokeAllSessions() {
        apply(new AllSessionsRevokedEvent(userId));
    }

    private static DomainException lastWayIn() {
        return new DomainException(IdentityErrorCode.LAST_SIGN_IN_METHOD,
                "A user keeps at least one way to sign in: a password or a linked account");
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        active = true;
    }

    @EventSourcingHandler
    void on(UserPersonalDataErasedEvent event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(PasswordChangedEvent event) {
        hasPassword = true;
    }

    @EventSourcingHandler
    void on(PasswordRemovedEvent event) {
        hasPassword = false;
    }

    @EventSourcingHandler
    void on(UserDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivatedEvent event) {
        active = true;
    }

    @EventSourcingHandler
    void on(AccountLinkedEvent event) {
        accounts.put(event.accountId(), event.provider());
    }

    @EventSourcingHandler
    void on(AccountUnlinkedEvent event) {
        accounts.remove(event.accountId());
    }

    @EventSourcingHandler
    void on(TotpEnabledEvent event) {
        totpEnabled = true;
    }

    @EventSourcingHandler
    void on(TotpDisabledEvent event) {
        totpEnabled = false;
    }

    @EventSourcingHandler
    void on(OperatorGrantedEvent event) {
        operator = true;
    }

    @EventSourcingHandler
    void on(OperatorRevokedEvent event) {
        operator = false;
    }
}
