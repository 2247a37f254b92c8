package dev.warden.events.identity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to sign in with email and password (and a TOTP code when the user has turned it on). On
 * success a session {@code sessionId} is opened with the given token hash; on failure the attempt is
 * counted. Never stored: only the resulting events are, and they hold neither password nor token.
 */
public record SignInCommand(@TargetAggregateIdentifier String sessionId,
                            String email,
                            String password,
                            String totpCode,
                            String tokenHash,
                            Instant expiresAt,
                            String clientAddress,
                            String userAgent) {

    /** How a sign-in ended. */
    public enum Outcome { SIGNED_IN, INVALID_CREDENTIALS, SECOND_FACTOR_REQUIRED }

    /** Never prints the password or the code. */
    @Override
    public String toString() {
        return "SignInCommand[sessionId=" + sessionId + ", password=[redacted], totpCode=[redacted]]";
    }
}
