package dev.warden.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.warden.app.web.ProblemBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code WARDEN_METRICS_TOKEN} set, {@code /actuator/prometheus} answers only a scraper that
 * sends it as {@code Authorization: Bearer <token>}; without it the endpoint stays open (it holds
 * figures, never secrets). Health stays open either way.
 */
@Component
class MetricsTokenFilter extends OncePerRequestFilter {

    private final byte[] token;

    MetricsTokenFilter(MetricsSettings settings) {
        this.token = settings.guarded() ? ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return token == null || !request.getRequestURI().startsWith("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !MessageDigest.isEqual(token, header.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemBodies.write(response, HttpStatus.UNAUTHORIZED, "AUTHENTICATION_REQUIRED",
                    "The metrics endpoint needs the configured bearer token");
            return;
        }
        chain.doFilter(request, response);
    }
}
