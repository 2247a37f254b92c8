package dev.warden.query.access;

/** A pending access request whose time ran out, for the job that expires it. */
public record ExpiredAccessRequest(String requestId, String organizationId) {
}
