package dev.warden.app.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a database start-up failure into a short report instead of a wall of stack traces. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseStartupException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check DATABASE_URL (postgresql://user:pass@host:port/db), DATABASE_SSL and that the server "
                        + "is running, or unset DATABASE_URL to use the embedded database.", cause);
    }
}
