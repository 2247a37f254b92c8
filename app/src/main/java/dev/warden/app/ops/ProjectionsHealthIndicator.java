package dev.warden.app.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only when every projection processor runs and is not stuck on a failing event. Part of the
 * readiness group, so a load balancer stops sending queries to an instance whose read models stall.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    ProjectionsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean healthy = true;
        for (var entry : processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                String state = processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped";
                details.put(entry.getKey(), state);
                healthy &= state.equals("running");
            }
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
