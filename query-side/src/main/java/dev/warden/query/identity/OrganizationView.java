package dev.warden.query.identity;

import java.time.Instant;

/** An organization as the API shows it. */
public record OrganizationView(String id, String name, Instant createdAt) {
}
