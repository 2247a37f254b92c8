package dev.warden.app.ops;

import dev.warden.app.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled jobs (metrics refresh, access-request expiry) fail every time they run while the
 * database is away: such a failure is one line, not a stack trace each second; the job runs again
 * on its schedule. Any other failure is logged in full.
 */
@Component
class ScheduledTaskErrors implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrors.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(failure -> {
            if (DatabaseOutage.causes(failure)) {
                log.warn("A scheduled job could not reach the database ({}); it runs again on schedule",
                        failure.getClass().getSimpleName());
            } else {
                log.error("A scheduled job failed", failure);
            }
        });
    }
}
