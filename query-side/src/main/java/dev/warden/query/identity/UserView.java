package dev.warden.query.identity;

import java.time.Instant;

/** A user as the API shows it: who they are and how they may sign in, never a secret. */
public record UserView(String id, String email, String displayName, String status, boolean hasPassword,
                       boolean totpEnabled, Instant createdAt) {
}
