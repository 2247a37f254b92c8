package dev.warden.app.database;

/** {@code DATABASE_URL} or {@code DATABASE_SSL} cannot be used; the message says why, without secrets. */
public class InvalidDatabaseUrlException extends DatabaseStartupException {

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
