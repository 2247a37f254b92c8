package dev.warden.query.support;

/** The thing asked for does not exist, or is not visible to the caller; answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String code;

    public NotFoundException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
