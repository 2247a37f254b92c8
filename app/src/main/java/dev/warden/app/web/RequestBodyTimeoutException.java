package dev.warden.app.web;

import java.io.IOException;
import java.time.Duration;

/** A request body did not arrive within the body deadline; answered 408. */
class RequestBodyTimeoutException extends IOException {

    RequestBodyTimeoutException(Duration timeout) {
        super("The request body did not arrive within " + timeout.toMillis() + " ms");
    }
}
