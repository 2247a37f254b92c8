package dev.warden.events.shared;

/**
 * A machine-readable reason a command or query was refused. Each context declares its codes in an
 * enum; the web layer turns the {@link Kind} into an HTTP status and the code into the
 * {@code code} member of a problem+json body.
 */
public interface ErrorCode {

    /** What kind of refusal this is; decides the HTTP status. */
    enum Kind {
        /** The input is malformed (400). */
        INVALID,
        /** The thing named does not exist, or is not visible to the caller (404). */
        NOT_FOUND,
        /** The current state conflicts with the request: duplicate, stale version, in use (409). */
        CONFLICT,
        /** The request is well-formed but breaks a business rule (422). */
        RULE_BROKEN,
        /** No valid credentials came with the request, or sign-in failed (401). */
        UNAUTHENTICATED,
        /** The caller is known but may not do this (403). */
        FORBIDDEN,
        /** Too many attempts; the caller must wait (429). */
        THROTTLED,
        /** The thing existed but what was asked for was erased for good (410). */
        GONE
    }

    /** The stable code, e.g. {@code ROLE_NOT_FOUND}. */
    String name();

    Kind kind();
}
