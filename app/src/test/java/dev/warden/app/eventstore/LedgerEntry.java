package dev.warden.app.eventstore;

/** A test-only event: one entry a writer thread appended in a test run. */
public record LedgerEntry(String runId, int writer, int sequence) {
}
