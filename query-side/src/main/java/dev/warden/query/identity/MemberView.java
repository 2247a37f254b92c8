package dev.warden.query.identity;

import java.time.Instant;
import java.util.List;

/**
 * A member of an organization with the ids of the roles they hold in it; a suspended member keeps
 * the roles but reaches nothing in the organization until reinstated. An erased user ({@code erased})
 * shows no email or name.
 */
public record MemberView(String userId, String memberId, String email, String displayName, Instant joinedAt,
                         boolean suspended, List<String> roleIds, boolean erased) {
}
