package dev.warden.command.web;

import java.net.URI;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Builds command responses: the body, and the log position also as a header. */
public final class Responses {

    /** The response header holding the log position of the command's last event. */
    public static final String POSITION_HEADER = "Warden-Position";

    private Responses() {
    }

    public static ResponseEntity<CommandResponse> created(String id, OptionalLong position, String location) {
        return with(ResponseEntity.created(URI.create(location)), id, position);
    }

    public static ResponseEntity<CommandResponse> ok(String id, OptionalLong position) {
        return with(ResponseEntity.status(HttpStatus.OK), id, position);
    }

    /** {@code response} with a {@code Set-Cookie} header added. */
    public static <T> ResponseEntity<T> withCookie(ResponseEntity<T> response, String cookie) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(org.springframework.http.HttpHeaders.SET_COOKIE, cookie).body(response.getBody());
    }

    private static ResponseEntity<CommandResponse> with(ResponseEntity.BodyBuilder builder, String id,
                                                        OptionalLong position) {
        position.ifPresent(p -> builder.header(POSITION_HEADER, Long.toString(p)));
        return builder.body(new CommandResponse(id, position.isPresent() ? position.getAsLong() : null));
    }
}
