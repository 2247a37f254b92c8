package dev.warden.app.audit;

/** A test-only event type that no projection handles: a note written about an organization. */
public record NoteRecordedEvent(String noteId, String organizationId, String text) {
}
