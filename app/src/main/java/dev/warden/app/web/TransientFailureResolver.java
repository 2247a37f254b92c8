package dev.warden.app.web;

import dev.warden.app.database.DatabaseOutage;
import dev.warden.query.support.ConsistencyWaitsFullException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the failures that pass with time, whatever wraps them, before the problem advice sees
 * them: a body that did not arrive in time (408), a database that cannot be reached, and a full
 * queue of consistency waits (503 with {@code Retry-After}). The body never says more than that:
 * no SQL, no connection details.
 */
@Component
class TransientFailureResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureResolver.class);
    /** Seconds a client should wait before it retries after a database outage answer. */
    private static final String DATABASE_RETRY_AFTER = "5";

    @Override
    public int getOrder() {
        // Before Spring MVC's own resolvers (order 0), which hold the problem advice.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (response.isCommitted()) {
            return null;
        }
        try {
            if (has(exception, RequestBodyTimeoutException.class)) {
                TomcatLimits.dropUnreadBody(request);
                response.setHeader(HttpHeaders.CONNECTION, "close");
                ProblemBodies.write(response, HttpStatus.REQUEST_TIMEOUT, "REQUEST_BODY_TIMEOUT",
                        "The request body did not arrive in time");
                return new ModelAndView();
            }
            if (has(exception, ConsistencyWaitsFullException.class)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                ProblemBodies.write(response, HttpStatus.SERVICE_UNAVAILABLE, "CONSISTENCY_WAITS_FULL",
                        "Too many requests wait for the read models; retry shortly");
                return new ModelAndView();
            }
            if (DatabaseOutage.causes(exception)) {
                log.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                        request.getRequestURI(), exception.getClass().getSimpleName());
                response.setHeader(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
                ProblemBodies.write(response, HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                        "The database cannot be reached right now; retry shortly");
                return new ModelAndView();
            }
        } catch (IOException e) {
            log.debug("Could not answer {} {}", request.getMethod(), request.getRequestURI(), e);
            return new ModelAndView();
        }
        return null;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> kind) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
