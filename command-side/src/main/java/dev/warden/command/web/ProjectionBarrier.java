package dev.warden.command.web;

/**
 * Waits until the read models that authentication and authorization read have applied a log
 * position. Commands that change who may do what (sign-in, revocations, role changes) pass through
 * it before they answer, so the change holds for the caller's next request, on any instance.
 */
public interface ProjectionBarrier {

    /** Returns once the read models reached {@code position}, or after the bounded wait ran out. */
    void await(long position);
}
