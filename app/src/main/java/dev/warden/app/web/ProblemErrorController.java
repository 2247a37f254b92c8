package dev.warden.app.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}): a request the container refused itself (TRACE, an
 * error sent before Spring MVC ran) or an exception no handler caught. Both go back through
 * {@link ProblemDetailsAdvice}, so they answer problem+json like every other error, never an HTML page.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request) throws Exception {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            throw refusal(HttpStatus.NOT_FOUND, "No endpoint " + request.getRequestURI());
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception exception) {
            throw exception;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        throw refusal(HttpStatusCode.valueOf(status), status == HttpStatus.METHOD_NOT_ALLOWED.value()
                ? "This method is not allowed here" : "The request was refused");
    }

    private static ErrorResponseException refusal(HttpStatusCode status, String detail) {
        ErrorResponseException refusal = new ErrorResponseException(status);
        refusal.setDetail(detail);
        return refusal;
    }
}
