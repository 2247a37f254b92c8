/**
 * What command handling needs besides aggregates: the request context that becomes event metadata, the log position of the last append, set-wide uniqueness claims, advisory locks, and commands sent when their time comes (expiries).
 */
package dev.warden.command.support;
