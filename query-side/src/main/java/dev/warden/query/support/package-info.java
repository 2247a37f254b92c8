/**
 * Query plumbing: the one way projections write (batched, idempotent, schema-free statements and the
 * position and time of the event they handle), where the projections are in the log, the bounded
 * wait for a position, and cursor paging. Also what authentication asks of the contexts: who a
 * credential speaks for ({@link dev.warden.query.support.CallerLookup}) and what a user holds in an
 * organization ({@link dev.warden.query.support.HeldPermissions}).
 */
package dev.warden.query.support;
