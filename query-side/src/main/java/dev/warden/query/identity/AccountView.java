package dev.warden.query.identity;

import java.time.Instant;

/** An external identity linked to a user. */
public record AccountView(String id, String provider, String providerAccountId, Instant linkedAt) {
}
