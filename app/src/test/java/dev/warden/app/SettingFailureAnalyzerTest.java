package dev.warden.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.warden.app.database.DatabaseProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class SettingFailureAnalyzerTest {

    @Test
    void namesThePropertyTheVariableAndTheValueAsWritten() throws Exception {
        StandardEnvironment environment = environment(Map.of("warden.database.health-timeout",
                "${WARDEN_TEST_HEALTH_TIMEOUT:-2s}"));

        FailureAnalysis analysis = new SettingFailureAnalyzer(environment).analyze(bindFailure(environment));

        assertThat(analysis.getDescription()).isEqualTo("warden.database.health-timeout (WARDEN_TEST_HEALTH_TIMEOUT) "
                + "must be a positive duration, got -2s");
        assertThat(analysis.getAction()).contains("application.yml");
    }

    @Test
    void saysSoWhenTheValueIsEmpty() throws Exception {
        StandardEnvironment environment = environment(Map.of("warden.database.connection-timeout", ""));

        FailureAnalysis analysis = new SettingFailureAnalyzer(environment).analyze(bindFailure(environment));

        assertThat(analysis.getDescription())
                .isEqualTo("warden.database.connection-timeout must be a positive duration, but it is empty");
    }

    @Test
    void leavesOtherFailuresToTheirAnalyzers() {
        assertThat(new SettingFailureAnalyzer(new StandardEnvironment())
                .analyze(new IllegalStateException("something else"))).isNull();
    }

    /** The packaged application.yml with {@code overrides} ahead of it. */
    private static StandardEnvironment environment(Map<String, Object> overrides) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        return environment;
    }

    private static Throwable bindFailure(StandardEnvironment environment) {
        Throwable failure = catchThrowable(() -> Binder.get(environment).bind("warden.database", DatabaseProperties.class));
        assertThat(failure).as("the binding fails").isNotNull();
        return failure;
    }
}
