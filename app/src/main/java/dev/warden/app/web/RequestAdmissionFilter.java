package dev.warden.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Decides, before a byte of the body is read, whether a request may take a request thread: at most
 * {@code warden.web.max-requests-per-client} in flight per client address (else 429), and never
 * the last {@code warden.web.reserved-threads} threads (else 503). Health probes pass untouched,
 * so one client, or many slow ones together, cannot starve liveness and readiness. It runs after
 * the HTTP metrics filter, so refusals are counted under their status. It exists in a web server
 * only, whose request threads ({@code server.tomcat.threads.max}) it shares out.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestAdmissionFilter extends OncePerRequestFilter {

    private static final String HEALTH = "/actuator/health";

    private final int perClient;
    private final Semaphore threads;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    RequestAdmissionFilter(WebSettings settings, TomcatServerProperties tomcat) {
        int maxThreads = tomcat.getThreads().getMax();
        if (settings.reservedThreads() >= maxThreads) {
            throw new InvalidConfigurationPropertyValueException("warden.web.reserved-threads",
                    settings.reservedThreads(), "must be less than server.tomcat.threads.max (" + maxThreads + ")");
        }
        this.perClient = settings.maxRequestsPerClient();
        this.threads = new Semaphore(maxThreads - settings.reservedThreads());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The servlet path is decoded and normalized (the raw URI could say /actuator/health/../../api).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals(HEALTH) || path.startsWith(HEALTH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (!enter(client)) {
            refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_CONCURRENT_REQUESTS",
                    "This client has " + perClient + " requests in progress already; retry when one is done");
            return;
        }
        try {
            if (!threads.tryAcquire()) {
                refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "SERVER_BUSY",
                        "The server is busy; retry shortly");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                threads.release();
            }
        } finally {
            leave(client);
        }
    }

    private boolean enter(String client) {
        boolean[] admitted = {false};
        inFlight.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < perClient;
            return admitted[0] ? current + 1 : count;
        });
        return admitted[0];
    }

    private void leave(String client) {
        inFlight.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }

    /**
     * Refuses without reading the body, and closes the connection so that the server does not read
     * (and wait for) the unread body either.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String code, String detail) throws IOException {
        TomcatLimits.dropUnreadBody(request);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemBodies.write(response, status, code, detail);
    }
}
