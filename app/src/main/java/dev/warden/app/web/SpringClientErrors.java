package dev.warden.app.web;

import dev.warden.events.shared.Text;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The {@code detail} of Spring MVC's own client errors. Those that would quote the client's path,
 * method or media type quote a short excerpt of it instead ({@link Text#excerpt}).
 */
final class SpringClientErrors {

    private SpringClientErrors() {
    }

    static String detail(Exception exception) {
        if (exception instanceof NoResourceFoundException missing) {
            return "No endpoint " + Text.excerpt(missing.getHttpMethod().name()) + " /"
                    + Text.excerpt(missing.getResourcePath());
        }
        if (exception instanceof HttpRequestMethodNotSupportedException method) {
            return "Method " + Text.excerpt(method.getMethod()) + " is not allowed here";
        }
        if (exception instanceof HttpMediaTypeNotSupportedException mediaType) {
            return "Content-Type " + Text.excerpt(String.valueOf(mediaType.getContentType()))
                    + " is not supported; send application/json";
        }
        if (exception instanceof ErrorResponseException refusal && refusal.getBody().getDetail() != null) {
            return refusal.getBody().getDetail();
        }
        return exception.getMessage();
    }
}
