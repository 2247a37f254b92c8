package dev.warden.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

/**
 * Every settings record ({@code @ConfigurationProperties} anywhere in {@code dev.warden}, found by
 * scanning) binds from the packaged application.yml alone, with no environment variable set, and
 * every one of its components gets a value there: the file is where the defaults are written, and
 * the records carry none. A record, or a component, that the file has no default for fails here.
 */
class ConfigurationDefaultsTest {

    /** Each record bound from application.yml, by its prefix. */
    private static final Map<String, Object> BOUND = new TreeMap<>();

    private static Iterable<ConfigurationPropertySource> yml;

    @BeforeAll
    static void bindEveryRecord() throws Exception {
        List<PropertySource<?>> file = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        yml = ConfigurationPropertySources.from(file);
        Binder binder = new Binder(yml, new PropertySourcesPlaceholdersResolver(file));
        for (Class<?> type : settingsRecords()) {
            String prefix = AnnotationUtils.findAnnotation(type, ConfigurationProperties.class).prefix();
            Object settings = binder.bind(prefix, Bindable.of(type))
                    .orElseThrow(() -> new AssertionError(prefix + " has no block in application.yml"));
            BOUND.put(prefix, settings);
        }
    }

    @Test
    void findsTheRecordsOfEveryModule() {
        assertThat(BOUND).containsKeys("warden.database", "warden.web", "warden.events", "warden.metrics",
                "warden.commands", "warden.snapshots", "warden.aggregates", "warden.auth", "warden.invitations",
                "warden.access-requests", "warden.query", "warden.governance", "warden.mcp");
    }

    @Test
    void everyComponentHasAValue() throws Exception {
        for (Map.Entry<String, Object> settings : BOUND.entrySet()) {
            assertComplete(settings.getKey(), settings.getValue());
        }
    }

    @Test
    void valuesAreTheDocumentedDefaults() throws Exception {
        assertThat(value("warden.web.body-timeout")).isEqualTo(Duration.ofSeconds(10));
        assertThat(value("warden.web.max-body-size")).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(value("warden.web.reserved-threads")).isEqualTo(20);
        assertThat(value("warden.auth.session-ttl")).isEqualTo(Duration.ofHours(12));
        assertThat(value("warden.auth.sign-in.max-attempts")).isEqualTo(10);
        assertThat(value("warden.auth.sign-in.lockout")).isEqualTo(Duration.ofMinutes(15));
        assertThat(value("warden.commands.concurrency-retries")).isEqualTo(5);
        assertThat(value("warden.query.max-consistency-wait")).isEqualTo(Duration.ofSeconds(5));
        assertThat(value("warden.database.pool-size")).isEqualTo(10);
        assertThat(value("warden.database.connection-guard")).isEqualTo(false);
        assertThat(value("warden.database.embedded.data-dir")).isEqualTo("./data");
        assertThat(value("warden.metrics.token")).isEqualTo("");
        assertThat(value("warden.governance.approval-ttl")).isEqualTo(Duration.ofMinutes(15));
        assertThat(value("warden.governance.idle-timeout")).isEqualTo(Duration.ofMinutes(30));
        assertThat(value("warden.mcp.call-timeout")).isEqualTo(Duration.ofSeconds(60));
    }

    private static List<Class<?>> settingsRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.warden")) {
            types.add(Class.forName(candidate.getBeanClassName()));
        }
        return types;
    }

    /**
     * {@code value} and everything in it has a value, and each leaf has its line in the file (a number
     * left out would quietly bind as 0).
     */
    private static void assertComplete(String path, Object value) throws Exception {
        assertThat(value).as("%s has no default in application.yml", path).isNotNull();
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                assertComplete(path + "." + DataObjectPropertyName.toDashedForm(component.getName()),
                        read(value, component));
            }
        } else {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(path);
            assertThat(yml).as("%s has no line in application.yml", path)
                    .anyMatch(source -> source.getConfigurationProperty(name) != null);
        }
    }

    /** The bound value of {@code property}, such as {@code warden.auth.sign-in.lockout}. */
    private static Object value(String property) throws Exception {
        String prefix = BOUND.keySet().stream().filter(p -> property.startsWith(p + "."))
                .reduce((a, b) -> a.length() >= b.length() ? a : b)
                .orElseThrow(() -> new AssertionError("no record binds " + property));
        Object value = BOUND.get(prefix);
        for (String name : property.substring(prefix.length() + 1).split("\\.")) {
            RecordComponent component = component(value.getClass(), name);
            value = read(value, component);
        }
        return value;
    }

    private static RecordComponent component(Class<?> record, String dashedName) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (DataObjectPropertyName.toDashedForm(component.getName()).equals(dashedName)) {
                return component;
            }
        }
        throw new AssertionError(record.getName() + " has no component " + dashedName);
    }

    private static Object read(Object record, RecordComponent component) throws Exception {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(record);
    }
}
