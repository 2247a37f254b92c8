package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/** Why recording a drift check was refused. */
public enum DriftErrorCode implements ErrorCode {
    /**
     * An unknown status, trigger or change kind, a malformed resource address or attribute name, a
     * summary too long, or resources that do not fit the status (a drifted check names at least one,
     * the others none).
     */
    INVALID_DRIFT_CHECK(Kind.INVALID);

    private final Kind kind;

    DriftErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
