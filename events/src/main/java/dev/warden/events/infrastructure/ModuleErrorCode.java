package dev.warden.events.infrastructure;

import dev.warden.events.shared.ErrorCode;

/** Why a command of the module registry was refused. A missing module is {@code MODULE_NOT_FOUND} (its id kind). */
public enum ModuleErrorCode implements ErrorCode {
    INVALID_MODULE_NAMESPACE(Kind.INVALID),
    INVALID_MODULE_NAME(Kind.INVALID),
    INVALID_MODULE_PROVIDER(Kind.INVALID),
    /** Not a semantic version (SemVer 2.0.0), or longer than {@value SemanticVersion#MAX_LENGTH} characters. */
    INVALID_MODULE_VERSION(Kind.INVALID),
    INVALID_MODULE_SOURCE(Kind.INVALID),
    INVALID_MODULE_DESCRIPTION(Kind.INVALID),
    INVALID_DEPRECATION_REASON(Kind.INVALID),
    /** The module has a version of the same precedence with other content; published versions never change. */
    MODULE_VERSION_EXISTS(Kind.CONFLICT),
    /** The version is deprecated already. */
    MODULE_VERSION_DEPRECATED(Kind.CONFLICT),
    /** The module has no version of that precedence. */
    MODULE_VERSION_NOT_FOUND(Kind.NOT_FOUND);

    private final Kind kind;

    ModuleErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
