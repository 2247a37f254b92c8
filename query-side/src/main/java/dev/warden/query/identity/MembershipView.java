package dev.warden.query.identity;

import java.time.Instant;
import java.util.List;

/** An organization a user belongs to, with the ids of the roles they hold there. */
public record MembershipView(String organizationId, String name, String memberId, Instant joinedAt,
                             List<String> roleIds) {
}
