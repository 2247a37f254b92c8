package dev.warden.command.support;

import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * A check of a context's settings before anything starts, so a bad one ends the start with one line
 * that names the setting instead of a failure halfway through. A context lists its checks in
 * {@code META-INF/spring.factories} under this interface's name; the app runs them all.
 */
public interface StartupCheck {

    /** What is wrong with the settings of {@code environment}, in one line naming the setting; empty when nothing is. */
    Optional<String> problem(Environment environment);
}
