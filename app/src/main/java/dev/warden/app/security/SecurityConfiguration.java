package dev.warden.app.security;

import dev.warden.command.web.ProjectionBarrier;
import dev.warden.query.support.PositionNotReachedException;
import dev.warden.query.support.ProjectionProgress;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the security interceptor in front of every API endpoint and lets security commands settle. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    private final SecurityInterceptor interceptor;

    SecurityConfiguration(SecurityInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
    }

    /**
     * Security commands answer once the read models authentication reads have applied them. An
     * instance without the query side cannot tell, and answers at once (the change then holds
     * within the projections' lag, normally milliseconds).
     */
    @Bean
    ProjectionBarrier projectionBarrier(ObjectProvider<ProjectionProgress> progress, MeterRegistry meters) {
        Timer waits = Timer.builder("warden.commands.settle")
                .description("Waits of security commands for the projections authentication reads")
                .register(meters);
        return position -> {
            ProjectionProgress projections = progress.getIfAvailable();
            if (projections == null) {
                return;
            }
            long start = System.nanoTime();
            try {
                projections.await(OptionalLong.of(position));
            } catch (PositionNotReachedException e) {
                log.warn("Projections did not reach position {} in time; the change holds once they do", position);
            } catch (DataAccessException e) {
                // The command is committed: a database that went away since must not turn it into a failure.
                log.warn("Could not see whether the projections reached position {} ({}); the change holds once "
                        + "they do", position, e.getClass().getSimpleName());
            } finally {
                waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }
}
