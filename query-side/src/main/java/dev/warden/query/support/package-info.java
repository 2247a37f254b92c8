/**
 * Query plumbing: the one way projections write (batched, idempotent, schema-free statements and the
 * position and time of the event they handle), where the projections are in the log, the bounded
 * wait for a position, and cursor paging.
 */
package dev.warden.query.support;
