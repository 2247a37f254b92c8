package dev.warden.query.access;

/** One permission of the catalogue. */
public record PermissionView(String name, String resource, String action, String description) {
}
