package dev.warden.app;

import dev.warden.keys.MasterKeyException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A start refused for its master key ({@link MasterKeyFailureAnalyzer}) also ends with the one line on
 * standard error that a bad setting gets from {@link StartupPreflight}: the check needs the database, so
 * it runs later than those.
 */
class MasterKeyFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        if (analysis.getCause() instanceof MasterKeyException) {
            System.err.println("warden: cannot start: " + analysis.getDescription());
        }
    }
}
