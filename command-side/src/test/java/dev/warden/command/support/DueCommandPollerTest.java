package dev.warden.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DueCommandPollerTest {

    @Test
    void aFailedSendWaitsLongerEachTimeUpToAnHour() {
        assertThat(DueCommandPoller.retryDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(DueCommandPoller.retryDelay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DueCommandPoller.retryDelay(5)).isEqualTo(Duration.ofSeconds(80));
        assertThat(DueCommandPoller.retryDelay(11)).isEqualTo(Duration.ofHours(1));
        assertThat(DueCommandPoller.retryDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }
}
