/**
 * The audit trail, read straight from the event log through the audit_events view; nothing here writes.
 */
package dev.warden.query.audit;
