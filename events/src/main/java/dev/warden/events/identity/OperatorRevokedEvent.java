package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user is no longer an operator.
 */
@Revision("1")
public record OperatorRevokedEvent(String userId) {
}
