package dev.warden.events.infrastructure;

import org.axonframework.serialization.Revision;

/**
 * A workspace variable was set: a plain one with its {@code value}, or a sensitive one with only
 * {@code credentialId}, the credential that holds its value.
 */
@Revision("1")
public record WorkspaceVariableSetEvent(String workspaceId,
                                        String organizationId,
                                        String name,
                                        String value,
                                        String credentialId,
                                        boolean sensitive) {
}
