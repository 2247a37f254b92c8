package dev.warden.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code warden.web.max-body-size} (1 MB) with 413: a declared length
 * over the limit before anything is read; a body without a declared length (chunked) once reading it
 * passes the limit ({@link TooLarge}, answered by {@link BodyRefusals}). Either way nothing is written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimitFilter(WebSettings settings) {
        this.limit = settings.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            // The body stays unread, so the connection cannot carry another request: say so, or a
            // client reusing it would find it closed under its next request.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            ProblemBodies.write(response, HttpStatus.CONTENT_TOO_LARGE, TooLarge.CODE, TooLarge.detail(limit));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new CheckedBody(request, new Limited(limit)) : request,
                response);
    }

    /** Reading a body went past the limit. */
    static final class TooLarge extends IOException {

        static final String CODE = "PAYLOAD_TOO_LARGE";

        TooLarge(long limit) {
            super(detail(limit));
        }

        static String detail(long limit) {
            return "A request body has at most " + limit + " bytes";
        }
    }

    /** A body whose stream ends in {@link TooLarge} once more than the limit has been read. */
    private record Limited(long limit) implements CheckedBody.Check {

        @Override
        public void after(long total) throws IOException {
            if (total > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
