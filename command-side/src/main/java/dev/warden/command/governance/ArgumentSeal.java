package dev.warden.command.governance;

import dev.warden.events.governance.SealedArguments;

/**
 * Encrypts a decision's arguments before they enter the log: under the organization's governance data
 * key ({@link SealedArguments#subject}), bound to the decision ({@link SealedArguments#associatedData}),
 * so destroying that key shreds every recorded argument of the organization.
 */
interface ArgumentSeal {

    /** {@code canonicalJson} sealed for decision {@code decisionId} of session {@code agentSessionId}. */
    SealedArguments seal(String organizationId, String agentSessionId, String decisionId, String canonicalJson);
}
