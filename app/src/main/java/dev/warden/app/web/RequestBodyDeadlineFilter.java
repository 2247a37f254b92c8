package dev.warden.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a request body {@code warden.web.body-timeout} in total, counted from when its request
 * reaches the application: a read after that fails, as does a read that waits that long for the next
 * byte (Tomcat's upload timeout, {@link TomcatLimits}), and the request is answered 408. A client
 * that trickles its body a byte at a time therefore holds a request thread for that long at most.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RequestBodyDeadlineFilter extends OncePerRequestFilter {

    private final Duration timeout;

    RequestBodyDeadlineFilter(WebSettings settings) {
        this.timeout = settings.bodyTimeout();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new CheckedBody(request, new Deadline(System.nanoTime() + timeout.toNanos(), timeout)),
                response);
    }

    private record Deadline(long at, Duration timeout) implements CheckedBody.Check {

        @Override
        public void before() throws IOException {
            if (System.nanoTime() - at >= 0) {
                throw new RequestBodyTimeoutException(timeout);
            }
        }

        @Override
        public IOException failed(IOException failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketTimeoutException) {
                    return new RequestBodyTimeoutException(timeout);
                }
            }
            return failure;
        }
    }
}
