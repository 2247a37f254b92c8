package dev.warden.app.database;

/** The database cannot be used at start. Reported as one line, without a stack trace. */
public class DatabaseStartupException extends RuntimeException {

    public DatabaseStartupException(String message) {
        super(message, null, false, false);
    }
}
