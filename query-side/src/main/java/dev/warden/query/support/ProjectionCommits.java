package dev.warden.query.support;

import org.springframework.stereotype.Component;

/**
 * Signalled when a projection transaction of this process commits, which is when a processor may
 * have moved on: those waiting for the projections ({@link ProjectionProgress#await}) look again at
 * once instead of at their next poll.
 */
@Component
public class ProjectionCommits extends Signal {
}
