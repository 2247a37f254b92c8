package dev.warden.app.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the request limits need from Tomcat itself: a body read that waits longer than the body
 * deadline for the next byte fails (Tomcat's upload timeout), and an answer given without reading
 * the body ({@link #dropUnreadBody}) closes the connection instead of reading the rest of the body
 * first, which Tomcat otherwise does, on the request thread, to keep the connection.
 */
@Configuration(proxyBeanMethods = false)
class TomcatLimits {

    private static final String DROP_UNREAD_BODY = TomcatLimits.class.getName() + ".dropUnreadBody";

    /** Marks {@code request} so that its connection is closed after the answer, its body left unread. */
    static void dropUnreadBody(HttpServletRequest request) {
        request.setAttribute(DROP_UNREAD_BODY, Boolean.TRUE);
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> requestLimits(WebSettings settings) {
        long bodyTimeoutMillis = Math.min(Integer.MAX_VALUE, settings.bodyTimeout().toMillis());
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout((int) bodyTimeoutMillis);
                }
            });
            factory.addEngineValves(new DropUnreadBody());
        };
    }

    private static final class DropUnreadBody extends ValveBase {

        DropUnreadBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (request.getAttribute(DROP_UNREAD_BODY) != null) {
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }
}
