/**
 * What command handling needs besides aggregates: the request context that becomes event metadata, the log position of the last append, set-wide uniqueness claims and advisory locks.
 */
package dev.warden.command.support;
