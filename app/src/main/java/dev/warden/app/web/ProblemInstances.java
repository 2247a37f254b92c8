package dev.warden.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The {@code instance} of every problem body: the path the client asked for, cut to
 * {@value #MAX_LENGTH} characters, so a path of ten thousand characters is not sent back whole; for
 * the container's error page, the path that failed rather than {@code /error}.
 */
@ControllerAdvice
class ProblemInstances implements ResponseBodyAdvice<Object> {

    static final int MAX_LENGTH = 128;

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            problem.setInstance(instance(servlet.getServletRequest()));
        }
        return body;
    }

    /** The requested path, at most {@value #MAX_LENGTH} characters and {@code ...} where it was cut. */
    static URI instance(HttpServletRequest request) {
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed ? failed
                : request.getRequestURI();
        if (path.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH;
            // Never cut inside a %XX escape.
            int percent = path.lastIndexOf('%', cut - 1);
            if (percent >= 0 && percent > cut - 3) {
                cut = percent;
            }
            path = path.substring(0, cut) + "...";
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
