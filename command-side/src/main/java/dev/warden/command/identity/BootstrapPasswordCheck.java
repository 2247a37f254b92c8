package dev.warden.command.identity;

import dev.warden.command.support.StartupCheck;
import dev.warden.events.shared.DomainException;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** A bootstrap Admin's password must pass the password policy, or the start ends before anything runs. */
public class BootstrapPasswordCheck implements StartupCheck {

    @Override
    public Optional<String> problem(Environment environment) {
        BootstrapProperties bootstrap = Binder.get(environment).bind("warden.bootstrap", BootstrapProperties.class)
                .orElse(null);
        if (bootstrap == null || !bootstrap.asked() || !bootstrap.hasPassword()) {
            return Optional.empty();
        }
        try {
            PasswordHasher.requirePolicy(bootstrap.adminPassword(), bootstrap.adminEmail());
            return Optional.empty();
        } catch (DomainException e) {
            return Optional.of("WARDEN_BOOTSTRAP_ADMIN_PASSWORD: " + e.getMessage());
        }
    }
}
