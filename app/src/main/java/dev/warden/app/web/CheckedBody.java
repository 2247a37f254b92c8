package dev.warden.app.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/** A request whose body stream lets a {@link Check} look at every read: before it, after it, and when it fails. */
final class CheckedBody extends HttpServletRequestWrapper {

    /** What a filter bounds about a body (its size, its time). */
    interface Check {

        /** Before each read. */
        default void before() throws IOException {
        }

        /** After each read, with the number of bytes read so far. */
        default void after(long total) throws IOException {
        }

        /** What to throw when a read failed with {@code failure}. */
        default IOException failed(IOException failure) {
            return failure;
        }
    }

    private final Check check;
    private ServletInputStream stream;

    CheckedBody(HttpServletRequest request, Check check) {
        super(request);
        this.check = check;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Checked(super.getInputStream(), check);
        }
        return stream;
    }

    private static final class Checked extends ServletInputStream {

        private final ServletInputStream body;
        private final Check check;
        private long read;

        Checked(ServletInputStream body, Check check) {
            this.body = body;
            this.check = check;
        }

        @Override
        public int read() throws IOException {
            check.before();
            int b;
            try {
                b = body.read();
            } catch (IOException e) {
                throw check.failed(e);
            }
            if (b >= 0) {
                check.after(++read);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check.before();
            int n;
            try {
                n = body.read(buffer, offset, length);
            } catch (IOException e) {
                throw check.failed(e);
            }
            if (n > 0) {
                check.after(read += n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
