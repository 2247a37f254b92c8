package dev.warden.query.identity;

import java.time.Instant;

/** A user as the API shows it. */
public record UserView(String id, String email, String displayName, String status, Instant createdAt) {
}
