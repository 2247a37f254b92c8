package dev.warden.command.access;

import dev.warden.events.shared.IdKind;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.AccessRequestApprovedEvent;
import dev.warden.events.access.AccessRequestCancelledEvent;
import dev.warden.events.access.AccessRequestDeniedEvent;
import dev.warden.events.access.AccessRequestExpiredEvent;
import dev.warden.events.access.AccessRequestedEvent;
import dev.warden.events.access.CancelAccessRequestCommand;
import dev.warden.events.access.DenyAccessRequestCommand;
import dev.warden.events.access.RequestAccessCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.TextRule;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member's request for a role, from pending to exactly one outcome: approved, denied, cancelled
 * by the requester, or expired. Deciding a request that is already decided the same way again is
 * a no-op, so a retried approval stores nothing twice.
 */
@Aggregate(snapshotTriggerDefinition = "aggregateSnapshotTrigger", cache = "aggregateCache")
public class AccessRequest {

    static final int MAX_TEXT_LENGTH = 1000;

    enum Status { PENDING, APPROVED, DENIED, CANCELLED, EXPIRED }

    @AggregateIdentifier
    private String requestId;
    private String organizationId;
    private String requesterId;
    private String roleId;
    private Instant expiresAt;
    private Status status;

    protected AccessRequest() {
    }

    /** Opens the request; the caller has checked membership and the role. */
    AccessRequest(RequestAccessCommand command) {
        String justification = requireText("justification", command.justification());
        apply(new AccessRequestedEvent(command.requestId(), command.organizationId(), command.requesterId(),
                command.roleId(), justification, command.expiresAt()));
    }

    String requesterId() {
        return requesterId;
    }

    String roleId() {
        return roleId;
    }

    /** Checks the request belongs to {@code organization}; another organization's request looks missing. */
    void requireIn(String organization) {
        if (!organizationId.equals(organization)) {
            throw IdKind.ACCESS_REQUEST.notFound(requestId);
        }
    }

    /**
     * Approves the request. Returns {@code false} when it was approved before (nothing to do), and
     * refuses when it was decided otherwise, has expired, or the decider is the requester.
     */
    boolean approve(String deciderId, String reason, Instant now) {
        if (status == Status.APPROVED) {
            return false;
        }
        requireDecidable(deciderId, now);
        apply(new AccessRequestApprovedEvent(requestId, organizationId, requesterId, roleId, optionalText(reason)));
        return true;
    }

    void deny(DenyAccessRequestCommand command, Instant now) {
        String reason = requireText("reason", command.reason());
        if (status == Status.DENIED) {
            return;
        }
        requireDecidable(command.deciderId(), now);
        apply(new AccessRequestDeniedEvent(requestId, organizationId, reason));
    }

    void cancel(CancelAccessRequestCommand command) {
        if (!requesterId.equals(command.requesterId())) {
            throw new DomainException(AccessErrorCode.NOT_REQUESTER, "Only the requester can cancel a request");
        }
        if (status == Status.CANCELLED) {
            return;
        }
        requirePending();
        apply(new AccessRequestCancelledEvent(requestId, organizationId));
    }

    void expire(Instant now) {
        if (status == Status.PENDING && expiresAt != null && !now.isBefore(expiresAt)) {
            apply(new AccessRequestExpiredEvent(requestId, organizationId));
        }
    }

    private void requireDecidable(String deciderId, Instant now) {
        requirePending();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw new DomainException(AccessErrorCode.ACCESS_REQUEST_CLOSED, "The request has expired");
        }
        if (requesterId.equals(deciderId)) {
            throw new DomainException(AccessErrorCode.OWN_REQUEST, "Nobody decides their own access request");
        }
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new DomainException(AccessErrorCode.ACCESS_REQUEST_CLOSED,
                    "The request is " + status.name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
    }

    static String requireText(String field, String value) {
        return TextRule.paragraph(AccessErrorCode.INVALID_TEXT, "A " + field, MAX_TEXT_LENGTH).required().check(value);
    }

    private static String optionalText(String value) {
        String text = TextRule.paragraph(AccessErrorCode.INVALID_TEXT, "A reason", MAX_TEXT_LENGTH).check(value);
        return text.isEmpty() ? null : text;
    }

    @EventSourcingHandler
    void on(AccessRequestedEvent event) {
        requestId = event.requestId();
        organizationId = event.organizationId();
        requesterId = event.requesterId();
        roleId = event.roleId();
        expiresAt = event.expiresAt();
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(AccessRequestApprovedEvent event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(AccessRequestDeniedEvent event) {
        status = Status.DENIED;
    }

    @EventSourcingHandler
    void on(AccessRequestCancelledEvent event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(AccessRequestExpiredEvent event) {
        status = Status.EXPIRED;
    }
}
