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
import dev.warden.events.identity.UserReactivatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.identity.UserRenamedEvent;
import dev.warden.events.shared.DomainException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A registered person: whether they may sign in, and how (a password, linked external accounts, a
 * TOTP second factor). A user always keeps at least one way to sign in. Secret material (the
 * password hash, the TOTP secret) is kept by {@link Credentials}, outside the log; the events only
 * say that it changed.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class User {

    @AggregateIdentifier
    private String userId;
    private String email;
    private String displayName;
    private boolean active;
    private boolean hasPassword;
    private boolean totpEnabled;
    private boolean operator;
    /** Linked accounts: account id to "provider:providerAccountId" (a provider has no colon). */
    private Map<String, String> accounts = new HashMap<>();

    protected User() {
    }

    /** Registers the user; the caller has validated the input, claimed the email and stored the password. */
    User(String userId, String email, String displayName) {
        apply(new UserRegisteredEvent(userId, email, displayName));
        apply(new PasswordChangedEvent(userId));
    }

    boolean active() {
        return active;
    }

    boolean totpEnabled() {
        return totpEnabled;
    }

    String email() {
        return email;
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

    void rename(String newName) {
        if (!newName.equals(displayName)) {
            apply(new UserRenamedEvent(userId, newName));
        }
    }

    void changeEmail(String newEmail) {
        if (!newEmail.equals(email)) {
            apply(new UserEmailChangedEvent(userId, newEmail));
        }
    }

    void passwordChanged() {
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
        if (!active) {
            apply(new UserReactivatedEvent(userId));
        }
    }

    void linkAccount(String accountId, String provider, String providerAccountId) {
        if (accounts.containsKey(accountId)) {
            return;
        }
        apply(new AccountLinkedEvent(userId, accountId, provider, providerAccountId));
    }

    /** Unlinks an account; returns its "provider:providerAccountId" key so the caller can free it. */
    String unlinkAccount(String accountId) {
        String key = accounts.get(accountId);
        if (key == null) {
            throw IdKind.ACCOUNT.notFound(accountId);
        }
        if (!hasPassword && accounts.size() == 1) {
            throw lastWayIn();
        }
        String[] parts = key.split(":", 2);
        apply(new AccountUnlinkedEvent(userId, accountId, parts[0], parts[1]));
        return key;
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
        email = event.email();
        displayName = event.displayName();
        active = true;
    }

    @EventSourcingHandler
    void on(UserRenamedEvent event) {
        displayName = event.displayName();
    }

    @EventSourcingHandler
    void on(UserEmailChangedEvent event) {
        email = event.email();
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
        accounts.put(event.accountId(), event.provider() + ":" + event.providerAccountId());
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
