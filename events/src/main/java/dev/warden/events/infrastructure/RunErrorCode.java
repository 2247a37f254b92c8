package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/** Why recording a Terraform run, or a change of its status, was refused. A missing run is {@code RUN_NOT_FOUND}. */
public enum RunErrorCode implements ErrorCode {
    /** An apply without a plan that succeeded since the last apply, on a workspace without auto-apply. */
    PLAN_REQUIRED(Kind.RULE_BROKEN),
    /** The status cannot follow the run's current one; the message lists the ones that can. */
    RUN_TRANSITION_NOT_ALLOWED(Kind.RULE_BROKEN),
    /** An unknown operation, status or trigger, or a negative resource count. */
    INVALID_RUN(Kind.INVALID);

    private final Kind kind;

    RunErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
