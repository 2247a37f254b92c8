package dev.warden.events.access;

/**
 * One entry of the permission catalogue: {@code resource:action} and what it allows.
 */
public record PermissionDefinition(String resource, String action, String description) {

    /** The permission's name, {@code resource:action}. */
    public String name() {
        return resource + ":" + action;
    }
}
