package dev.warden.command.identity;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in ({@code warden.auth}): how long a session lasts ({@code sessionTtl}), and how failed
 * sign-ins are slowed and locked ({@code signIn}, see {@link SignInPolicy}).
 */
@ConfigurationProperties("warden.auth")
public record AuthSettings(Duration sessionTtl, SignIn signIn) {

    public AuthSettings {
        SettingChecks.positive("warden.auth.session-ttl", sessionTtl);
    }

    /** {@code warden.auth.sign-in}: the limits of the {@link SignInPolicy}. */
    public record SignIn(int freeAttempts, int maxAttempts, Duration lockout) {

        public SignIn {
            SettingChecks.atLeast("warden.auth.sign-in.free-attempts", freeAttempts, 0);
            SettingChecks.atLeast("warden.auth.sign-in.max-attempts", maxAttempts, freeAttempts + 1);
            SettingChecks.positive("warden.auth.sign-in.lockout", lockout);
        }

        SignInPolicy policy() {
            return new SignInPolicy(freeAttempts, maxAttempts, lockout);
        }
    }
}
