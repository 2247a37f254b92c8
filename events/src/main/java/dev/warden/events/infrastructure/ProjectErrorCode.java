package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/** Why a project command was refused. A missing project is {@code PROJECT_NOT_FOUND} (its id kind). */
public enum ProjectErrorCode implements ErrorCode {
    /** Another project of the organization has this name, ignoring case. */
    PROJECT_NAME_TAKEN(Kind.CONFLICT),
    /** The project is archived: restore it before changing it or adding workspaces. */
    PROJECT_ARCHIVED(Kind.CONFLICT),
    INVALID_PROJECT_NAME(Kind.INVALID),
    INVALID_PROJECT_DESCRIPTION(Kind.INVALID),
    /** A label key or value breaks the label rules, or there are too many labels. */
    INVALID_LABEL(Kind.INVALID);

    private final Kind kind;

    ProjectErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
