package dev.warden.command.conversations;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Conversations ({@code warden.conversations}): a proposed tool call lapses after {@code toolCallTtl} undecided. */
@ConfigurationProperties("warden.conversations")
public record ConversationSettings(Duration toolCallTtl) {

    public ConversationSettings {
        SettingChecks.positive("warden.conversations.tool-call-ttl", toolCallTtl);
    }
}
