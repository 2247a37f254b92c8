package dev.warden.query.support;

import dev.warden.events.shared.IdKind;
import java.util.OptionalLong;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every tenant query does first: wait for the asked-for log position, then make sure the
 * organization exists (an unknown organization answers 404, like any unknown resource). A list
 * hands its {@link PageParameters} and its read here, so each endpoint is one call.
 */
@Component
public class ReadGuard {

    private final ProjectionProgress progress;
    private final JdbcClient jdbc;

    ReadGuard(ProjectionProgress progress, JdbcClient jdbc) {
        this.progress = progress;
        this.jdbc = jdbc;
    }

    /** Waits for {@code minPosition} (if given). */
    public void awaitPosition(Long minPosition) {
        if (minPosition != null && minPosition < 0) {
            throw new InvalidQueryException("minPosition", "must not be negative");
        }
        progress.await(minPosition == null ? OptionalLong.empty() : OptionalLong.of(minPosition));
    }

    /** Waits for {@code minPosition} (if given) and checks that the organization exists. */
    public void organization(String organizationId, Long minPosition) {
        awaitPosition(minPosition);
        boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM organizations WHERE id = ?)")
                .param(organizationId)
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw IdKind.ORGANIZATION.notFound(organizationId);
        }
    }

    /**
     * One page of an organization's list: the paging parameters checked, {@code minPosition} waited
     * for, the organization checked, then {@code read} of the page asked for.
     */
    public <T> Page<T> organizationPage(String organizationId, PageParameters parameters,
                                        Function<PageRequest, Page<T>> read) {
        PageRequest page = parameters.page();
        organization(organizationId, parameters.minPosition());
        return read.apply(page);
    }

    /**
     * One page of a list outside any organization (the caller's own, or a user's for an operator):
     * the paging parameters checked, {@code minPosition} waited for, then {@code read} of the page.
     */
    public <T> Page<T> page(PageParameters parameters, Function<PageRequest, Page<T>> read) {
        PageRequest page = parameters.page();
        awaitPosition(parameters.minPosition());
        return read.apply(page);
    }
}
