/**
 * Query plumbing: where the projections are in the log, the bounded wait for a position, and cursor paging.
 */
package dev.warden.query.support;
