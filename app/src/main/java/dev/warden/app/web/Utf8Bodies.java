package dev.warden.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON bodies are UTF-8 without a byte-order mark (RFC 8259). Jackson would skip a byte-order mark
 * and read UTF-16 or UTF-32 it detects by itself; both are refused instead (400 {@code MALFORMED_BODY}),
 * so every client sends the same bytes for the same text.
 */
@ControllerAdvice
class Utf8Bodies extends RequestBodyAdviceAdapter {

    private static final int PEEK = 4;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        PushbackInputStream body = new PushbackInputStream(message.getBody(), PEEK);
        byte[] head = body.readNBytes(PEEK);
        body.unread(head);
        if (!isPlainUtf8Start(head)) {
            throw new NotUtf8(message);
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    /** No UTF-8 byte-order mark, no UTF-16 or UTF-32 one, and no NUL byte that UTF-16 or UTF-32 text starts with. */
    private static boolean isPlainUtf8Start(byte[] head) {
        boolean utf8Mark = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
                && (head[2] & 0xff) == 0xbf;
        boolean utf16Mark = head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe);
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return !utf8Mark && !utf16Mark;
    }

    /** A body that is not plain UTF-8 JSON. */
    static final class NotUtf8 extends HttpMessageNotReadableException {

        NotUtf8(HttpInputMessage message) {
            super("A JSON body is UTF-8 without a byte-order mark", message);
        }
    }
}
