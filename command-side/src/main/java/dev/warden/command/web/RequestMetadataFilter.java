package dev.warden.command.web;

import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.IdKind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fills the {@link RequestContext} of each API request: request and correlation ids (taken from
 * {@code X-Request-Id} / {@code X-Correlation-Id} when well-formed), the client address, the
 * organization of the path and the actor. It is the one place event metadata comes from.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestMetadataFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern ORG_PATH = Pattern.compile("^/api/orgs/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = safe(request.getHeader(REQUEST_ID_HEADER));
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        String correlationId = safe(request.getHeader(CORRELATION_ID_HEADER));
        Matcher org = ORG_PATH.matcher(request.getRequestURI());
        String organizationId = org.find() && IdKind.ORGANIZATION.matches(org.group(1)) ? org.group(1) : null;
        // Anonymous until authentication names the caller; the actor is never taken from the client.
        RequestContext context = new RequestContext("anonymous", "anonymous", organizationId, requestId,
                correlationId == null ? requestId : correlationId, request.getRemoteAddr(), Set.of());
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("requestId", requestId);
        MDC.put("correlationId", context.correlationId());
        try (RequestContext.Scope ignored = RequestContext.open(context)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("correlationId");
        }
    }

    private static String safe(String value) {
        return value != null && SAFE_ID.matcher(value).matches() ? value : null;
    }
}
