package dev.warden.command.identity;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Invitations into an organization ({@code warden.invitations}): one lapses after {@code ttl} unanswered. */
@ConfigurationProperties("warden.invitations")
public record InvitationSettings(Duration ttl) {

    public InvitationSettings {
        SettingChecks.positive("warden.invitations.ttl", ttl);
    }
}
