package dev.warden.events.identity;

import org.axonframework.serialization.Revision;

/**
 * A user became an operator (above all organizations).
 */
@Revision("1")
public record OperatorGrantedEvent(String userId) {
}
