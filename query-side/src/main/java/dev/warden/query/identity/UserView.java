package dev.warden.query.identity;

import java.time.Instant;

/**
 * A user as the API shows it: who they are and how they may sign in, never a secret; an operator
 * holds the one role above all organizations. An erased user ({@code erased}) has no email or name.
 */
public record UserView(String id, String email, String displayName, String status, boolean hasPassword,
                       boolean totpEnabled, boolean operator, Instant createdAt, boolean erased) {
}
