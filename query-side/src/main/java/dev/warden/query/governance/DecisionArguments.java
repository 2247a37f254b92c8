package dev.warden.query.governance;

import dev.warden.events.governance.SealedArguments;
import dev.warden.keys.CiphertextRefusedException;
import dev.warden.keys.DataKeys;
import dev.warden.keys.KeyDestroyedException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a recorded decision's arguments with the organization's governance data key, for a dry run to
 * evaluate them again and forget. A shredded key, a ciphertext that does not open (another decision's,
 * or changed) or one that holds no JSON object gives nothing: that decision cannot be evaluated again.
 */
@Component
class DecisionArguments {

    private static final Logger log = LoggerFactory.getLogger(DecisionArguments.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final DataKeys keys;

    DecisionArguments(DataKeys keys) {
        this.keys = keys;
    }

    /** The arguments of {@code decision} of {@code organizationId}, if they can still be opened. */
    Optional<Map<String, Object>> open(String organizationId, RecordedDecision decision) {
        if (decision.sealedArguments() == null) {
            return Optional.empty();
        }
        try {
            String json = keys.decryptText(SealedArguments.subject(organizationId),
                    Base64.getDecoder().decode(decision.sealedArguments()),
                    SealedArguments.associatedData(decision.agentSessionId(), decision.id()));
            Map<String, Object> arguments = JSON.readValue(json, OBJECT);
            return Optional.of(arguments == null ? Map.of() : arguments);
        } catch (KeyDestroyedException e) {
            return Optional.empty();
        } catch (CiphertextRefusedException | IllegalArgumentException | JacksonException e) {
            log.warn("The arguments of decision {} do not open; it is not evaluated again", decision.id());
            return Optional.empty();
        }
    }
}
