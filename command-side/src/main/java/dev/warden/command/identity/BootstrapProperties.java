package dev.warden.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first Admin of an empty database ({@code WARDEN_BOOTSTRAP_ADMIN_EMAIL},
 * {@code WARDEN_BOOTSTRAP_ADMIN_PASSWORD}, {@code WARDEN_BOOTSTRAP_ADMIN_NAME}) and the
 * organization created for them ({@code WARDEN_BOOTSTRAP_ORGANIZATION}). No email, no bootstrap.
 * The password is never logged: this record's text leaves it out.
 */
@ConfigurationProperties("warden.bootstrap")
record BootstrapProperties(String adminEmail, String adminPassword, String adminName, String organization) {

    /** Whether an email is set, that is whether a bootstrap is asked for. */
    boolean asked() {
        return adminEmail != null && !adminEmail.isBlank();
    }

    /** Whether a password is set. */
    boolean hasPassword() {
        return adminPassword != null && !adminPassword.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapProperties[adminEmail=" + adminEmail + ", adminName=" + adminName + ", organization="
                + organization + "]";
    }
}
