package dev.warden.events.shared;

/**
 * A command that acts inside one organization. Its organization is copied into the metadata of
 * every event the command causes, which is how the audit stream and tenant filters find them.
 */
public interface OrganizationScoped {

    /** The organization the command acts in; {@code null} for system-wide commands. */
    String organizationId();
}
