package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/**
 * Why a workspace command was refused. A missing workspace is {@code WORKSPACE_NOT_FOUND} (its id
 * kind).
 */
public enum WorkspaceErrorCode implements ErrorCode {
    /** Another workspace of the project has this name, ignoring case. */
    WORKSPACE_NAME_TAKEN(Kind.CONFLICT),
    /** The workspace is archived and changes no more. */
    WORKSPACE_ARCHIVED(Kind.CONFLICT),
    /** Someone else holds the workspace's lock; the message names who and why. */
    WORKSPACE_LOCKED(Kind.CONFLICT),
    /** Only the lock's holder, or a holder of {@code workspaces:unlock}, unlocks a workspace. */
    NOT_LOCK_HOLDER(Kind.FORBIDDEN),
    INVALID_WORKSPACE_NAME(Kind.INVALID),
    /** A setting (environment, Terraform version, working directory, repository, branch) is malformed. */
    INVALID_WORKSPACE_SETTING(Kind.INVALID),
    /** A variable's name is malformed, or it mixes a plain value with a credential reference. */
    INVALID_VARIABLE(Kind.INVALID),
    INVALID_LOCK_REASON(Kind.INVALID);

    private final Kind kind;

    WorkspaceErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
