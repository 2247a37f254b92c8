package dev.warden.command.support;

import java.time.Instant;

/**
 * Commands to send later, once their time has come: expiries and other time-driven work. A context
 * schedules one in the command that makes it due; {@link DueCommandPoller} sends it at that time as
 * the system actor, once across all instances, also after restarts. The command may find nothing
 * to do by then (the thing was decided meanwhile); that is its own business.
 */
public interface DueCommands {

    /**
     * Sends {@code command} at {@code dueAt} or soon after. Written in the current transaction, so it
     * holds only if the caller's command commits. Scheduling a {@code key} again replaces what was
     * scheduled under it.
     */
    void schedule(String key, Instant dueAt, Object command);

    /** Drops what is scheduled under {@code key}, if it has not been sent yet. */
    void cancel(String key);
}
