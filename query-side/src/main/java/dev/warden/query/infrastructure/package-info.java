/**
 * Infrastructure on the query side: the projections and reads of projects, workspaces (settings,
 * variables, lock, latest drift), the runs recorded on them, drift history, tickets and the module
 * registry.
 */
package dev.warden.query.infrastructure;
