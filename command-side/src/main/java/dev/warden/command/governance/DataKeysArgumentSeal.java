package dev.warden.command.governance;

import dev.warden.events.governance.SealedArguments;
import dev.warden.keys.DataKeys;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** {@link ArgumentSeal} on {@link DataKeys}: the organization's key is made on its first decision. */
@Component
class DataKeysArgumentSeal implements ArgumentSeal {

    private final DataKeys keys;

    DataKeysArgumentSeal(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public SealedArguments seal(String organizationId, String agentSessionId, String decisionId,
                                String canonicalJson) {
        byte[] ciphertext = keys.encrypt(SealedArguments.subject(organizationId), canonicalJson,
                SealedArguments.associatedData(agentSessionId, decisionId));
        return new SealedArguments(Base64.getEncoder().encodeToString(ciphertext));
    }
}
