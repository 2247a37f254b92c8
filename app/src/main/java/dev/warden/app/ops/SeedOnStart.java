package dev.warden.app.ops;

import dev.warden.command.access.SystemSeeder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the catalogue and default roles when a command-side process starts (unless turned off). */
@Component
@Order(10)
class SeedOnStart implements ApplicationRunner {

    private final ObjectProvider<SystemSeeder> seeder;
    private final boolean enabled;

    SeedOnStart(ObjectProvider<SystemSeeder> seeder, @Value("${warden.seed.on-start:true}") boolean enabled) {
        this.seeder = seeder;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            seeder.ifAvailable(SystemSeeder::seed);
        }
    }
}
