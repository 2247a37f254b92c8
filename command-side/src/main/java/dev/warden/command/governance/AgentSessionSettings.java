package dev.warden.command.governance;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Agent sessions ({@code warden.governance}): an approval a decision opens waits {@code approvalTtl}
 * for a member, and a session with no decision for {@code idleTimeout} is closed.
 */
@ConfigurationProperties("warden.governance")
public record AgentSessionSettings(Duration approvalTtl, Duration idleTimeout) {

    public AgentSessionSettings {
        SettingChecks.positive("warden.governance.approval-ttl", approvalTtl);
        SettingChecks.positive("warden.governance.idle-timeout", idleTimeout);
    }
}
