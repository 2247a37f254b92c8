package dev.warden.query.support;

import static org.mockito.Mockito.mock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/** Builds the query plumbing for tests that run controllers without the Axon processors. */
public final class SupportTestKit {

    private SupportTestKit() {
    }

    /** A guard that checks organizations in the database and never waits (no processors run in these tests). */
    public static ReadGuard readGuard(JdbcClient jdbc) {
        return new ReadGuard(mock(ProjectionProgress.class), jdbc);
    }

    /** What fills the {@link QueryParameters} records of query endpoints, for a stand-alone MockMvc. */
    public static HandlerMethodArgumentResolver queryParameters() {
        return new QueryParametersResolver();
    }
}
