package dev.warden.events.credentials;

import dev.warden.events.shared.OrganizationScoped;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to rotate an active credential: a whole new set of values, checked against its type like a
 * store; the version goes up by one. Its {@code toString} names no value.
 */
public record RotateCredentialCommand(@TargetAggregateIdentifier String credentialId,
                                      String organizationId,
                                      Map<String, String> values) implements OrganizationScoped {

    @Override
    public String toString() {
        return "RotateCredentialCommand[" + credentialId + ", fields " + (values == null ? "none" : values.keySet())
                + "]";
    }
}
