package dev.warden.app.ops;

import dev.warden.command.support.Seeder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs every context's seeder when a command-side process starts (unless turned off). */
@Component
@Order(10)
@EnableConfigurationProperties(SeedProperties.class)
class SeedOnStart implements ApplicationRunner {

    private final ObjectProvider<Seeder> seeders;
    private final SeedProperties settings;

    SeedOnStart(ObjectProvider<Seeder> seeders, SeedProperties settings) {
        this.seeders = seeders;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.onStart()) {
            seeders.orderedStream().forEach(Seeder::seed);
        }
    }
}
