package dev.warden.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code warden.web.max-body-size} (1 MB): a declared length over the
 * limit gets 413 before anything is read; a body without a declared length is cut off at the limit
 * and fails to parse (400). Either way nothing is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimitFilter(@Value("${warden.web.max-body-size:1MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            ProblemBodies.write(response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "A request body has at most " + limit + " bytes");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CheckedBody(request, new Limited(limit)) : request,
                response);
    }

    /** A body whose stream ends in an error once more than the limit has been read. */
    private record Limited(long limit) implements CheckedBody.Check {

        @Override
        public void after(long total) throws IOException {
            if (total > limit) {
                throw new IOException("The request body is larger than " + limit + " bytes");
            }
        }
    }
}
