package dev.warden.command.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * Bodies of the identity command endpoints. Bean validation catches the shape (presence, length);
 * the domain checks the rest (email syntax, password policy, known permissions).
 */
final class IdentityRequests {

    private IdentityRequests() {
    }

    record SignIn(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 512) String password,
                  @Size(max = 16) String totpCode) {

        @Override
        public String toString() {
            return "SignIn[password=[redacted]]";
        }
    }

    record RegisterUser(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String displayName,
                        @NotBlank @Size(max = 512) String password) {

        @Override
        public String toString() {
            return "RegisterUser[email=" + email + ", password=[redacted]]";
        }
    }

    record ChangeProfile(@Size(min = 1, max = 254) String email, @Size(min = 1, max = 100) String displayName) {
    }

    record ChangePassword(@NotBlank @Size(max = 512) String currentPassword,
                          @NotBlank @Size(max = 512) String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[[redacted]]";
        }
    }

    record LinkAccount(@NotBlank @Size(max = 40) String provider, @NotBlank @Size(max = 200) String providerAccountId) {
    }

    record TotpCode(@NotBlank @Size(max = 16) String code) {

        @Override
        public String toString() {
            return "TotpCode[[redacted]]";
        }
    }

    record CreateOrganization(@NotBlank @Size(max = 100) String name) {
    }

    record RenameOrganization(@NotBlank @Size(max = 100) String name) {
    }

    /** Names the invitee by user id or by email (exactly one). */
    record Invite(@Size(max = 64) String userId, @Size(max = 254) String email) {
    }

    record ChangeMemberRole(@NotBlank @Size(max = 64) String roleId) {
    }

    record IssueApiKey(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 100) Set<@NotBlank @Size(max = 64) String> scopes,
                       Instant expiresAt) {
    }

    /** What a sign-in answers; the token is shown here once and never again. */
    record SignedIn(String sessionId, String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "SignedIn[sessionId=" + sessionId + ", token=[redacted]]";
        }
    }

    /** What issuing a key answers; the secret is shown here once and never again. */
    record IssuedKey(String id, String secret, String prefix, Long position) {

        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", secret=[redacted]]";
        }
    }

    /** A TOTP enrolment: the shared secret and the otpauth URI for an authenticator app, shown once. */
    record TotpEnrolment(String secret, String uri) {

        @Override
        public String toString() {
            return "TotpEnrolment[[redacted]]";
        }
    }
}
