package dev.warden.app.web;

import dev.warden.command.support.SettingChecks;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The request limits ({@code warden.web}): how long a request body may take to arrive
 * ({@code bodyTimeout}), how large it may be ({@code maxBodySize}), how many requests one client
 * address may have in progress ({@code maxRequestsPerClient}), and how many request threads API
 * requests never take ({@code reservedThreads}, below {@code server.tomcat.threads.max}).
 */
@ConfigurationProperties("warden.web")
record WebSettings(Duration bodyTimeout, DataSize maxBodySize, int maxRequestsPerClient, int reservedThreads) {

    WebSettings {
        SettingChecks.positive("warden.web.body-timeout", bodyTimeout);
        SettingChecks.positive("warden.web.max-body-size", maxBodySize);
        SettingChecks.atLeast("warden.web.max-requests-per-client", maxRequestsPerClient, 1);
        SettingChecks.atLeast("warden.web.reserved-threads", reservedThreads, 1);
    }
}
