package dev.warden.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reports a setting out of range (refused by its settings record, {@code SettingChecks}) in one
 * sentence that names the property and the environment variable {@code application.yml} reads it
 * from, instead of the report of the binding that failed.
 */
class SettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
        implements Ordered {

    /** {@code ${VARIABLE:default}}, the form of every setting in application.yml. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):.*}");

    private final Environment environment;

    SettingFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
        return new FailureAnalysis(describe(cause, environment),
                "Correct the setting, or unset it to use its default: application.yml lists every setting "
                        + "with its environment variable and default.", cause);
    }

    /** Ahead of Spring's own report of the binding, which would bury the reason in a stack of types. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** For example {@code warden.web.body-timeout (WARDEN_HTTP_BODY_TIMEOUT) must be a positive duration, got 0s}. */
    static String describe(InvalidConfigurationPropertyValueException invalid, Environment environment) {
        String variable = variable(invalid.getName(), environment);
        // As the operator wrote it (0s rather than PT0S), where the environment still has it.
        String given = environment == null ? null : environment.getProperty(invalid.getName());
        Object value = given != null ? given : invalid.getValue();
        return invalid.getName() + (variable == null ? "" : " (" + variable + ")") + " " + invalid.getReason()
                + (value == null || value.toString().isBlank() ? ", but it is empty" : ", got " + value);
    }

    /** The environment variable the property's value names, when it comes from a placeholder that names one. */
    private static String variable(String property, Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                Object raw = source.getProperty(property);
                if (raw != null) {
                    Matcher placeholder = VARIABLE.matcher(raw.toString());
                    return placeholder.matches() ? placeholder.group(1) : null;
                }
            }
        }
        return null;
    }
}
