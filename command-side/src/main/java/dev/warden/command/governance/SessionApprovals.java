package dev.warden.command.governance;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The approvals of one agent session, each bound to one exact call (tool and hash of the arguments; the
 * session has one server), and which approval each call saw last. An approval is decided once: granted
 * or denied before it expires, or expired.
 */
class SessionApprovals {

    enum Status { PENDING, GRANTED, REJECTED, EXPIRED }

    /** What the rules need of an approval. */
    record Approval(String toolName, String argumentsHash, Instant expiresAt, Status status) {

        Approval with(Status next) {
            return new Approval(toolName, argumentsHash, expiresAt, next);
        }
    }

    /** The approval of a call, found. */
    record Found(String approvalId, Approval approval) {

        /** Whether it is pending but its time is up. */
        boolean lapsedAt(Instant now) {
            return approval.status() == Status.PENDING && !now.isBefore(approval.expiresAt());
        }

        /** What it says about the call; {@code null} when it expired. */
        Ruling ruling() {
            return switch (approval.status()) {
                case GRANTED -> Ruling.granted(approvalId);
                case REJECTED -> Ruling.rejected(approvalId);
                case PENDING -> Ruling.pending(approvalId, approval.expiresAt());
                case EXPIRED -> null;
            };
        }
    }

    private Map<String, Approval> byId = new HashMap<>();
    private Map<String, String> lastByCall = new HashMap<>();

    /**
     * What the session's approval of the same call says at {@code now}: granted, denied or pending;
     * {@code null} when there is none or it expired. One whose time ran out before its expiry was sent is
     * handed to {@code lapsed}, for the session to record it expired now, and answers {@code null} too.
     */
    Ruling rulingFor(String toolName, String argumentsHash, Instant now, Consumer<String> lapsed) {
        String approvalId = lastByCall.get(callKey(toolName, argumentsHash));
        if (approvalId == null) {
            return null;
        }
        Found found = new Found(approvalId, byId.get(approvalId));
        if (found.lapsedAt(now)) {
            lapsed.accept(approvalId);
            return null;
        }
        return found.ruling();
    }

    /**
     * Whether the approval is to be settled as {@code target}: {@code false} when it is already
     * (a retried decision), a refusal when it was decided otherwise, expired, or is missing.
     */
    boolean require(String approvalId, Status target, Instant now) {
        Approval approval = approval(approvalId);
        if (approval.status() == target) {
            return false;
        }
        if (approval.status() == Status.GRANTED || approval.status() == Status.REJECTED) {
            throw new DomainException(GovernanceErrorCode.APPROVAL_DECIDED, "The approval was "
                    + (approval.status() == Status.GRANTED ? "granted" : "denied") + " already; it is decided once");
        }
        if (approval.status() == Status.EXPIRED || !now.isBefore(approval.expiresAt())) {
            throw new DomainException(GovernanceErrorCode.APPROVAL_EXPIRED, "The approval expired at "
                    + approval.expiresAt() + " undecided; the same call asks for a new one");
        }
        return true;
    }

    /** Whether the approval is pending with its time up, so it expires now. */
    boolean expires(String approvalId, Instant now) {
        return new Found(approvalId, approval(approvalId)).lapsedAt(now);
    }

    void requested(String approvalId, String toolName, String argumentsHash, Instant expiresAt) {
        byId.put(approvalId, new Approval(toolName, argumentsHash, expiresAt, Status.PENDING));
        lastByCall.put(callKey(toolName, argumentsHash), approvalId);
    }

    void settled(String approvalId, Status status) {
        byId.computeIfPresent(approvalId, (id, approval) -> approval.with(status));
    }

    private Approval approval(String approvalId) {
        Approval approval = byId.get(approvalId);
        if (approval == null) {
            throw IdKind.APPROVAL.notFound(approvalId);
        }
        return approval;
    }

    private static String callKey(String toolName, String argumentsHash) {
        return argumentsHash + ' ' + toolName;
    }
}
