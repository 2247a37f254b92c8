package dev.warden.app.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to the requests it refuses before any filter or servlet runs (a path with
 * {@code %00}, {@code %2F} or bytes that are not UTF-8, a control character in a header): the same
 * problem+json as every other refusal, where Tomcat would write an HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {

    /** The code of a request Tomcat could not take apart (request line or headers). */
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    /** Puts this valve in place of the error report valves of {@code context}'s host, once they are all there. */
    static void install(Context context) {
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemReportValve());
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        HttpStatus known = HttpStatus.resolve(status);
        if (!ioAllowed.get() || known == null) {
            return;
        }
        String code = status == 400 ? MALFORMED_REQUEST : ProblemBodies.codeFor(status);
        String detail = status == 400 ? "The request line or a header is malformed (for example a path with an"
                + " encoded NUL, slash or backslash, bytes that are not UTF-8, or a control character in a header)"
                : known.getReasonPhrase();
        try {
            ProblemBodies.prepare(response, known);
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemBodies.json(known, code, detail, Map.of()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written any more; nothing more to say.
        }
    }
}
