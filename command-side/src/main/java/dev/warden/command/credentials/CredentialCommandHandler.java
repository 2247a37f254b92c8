package dev.warden.command.credentials;

import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.DestroyCredentialCommand;
import dev.warden.events.credentials.RevealCredentialCommand;
import dev.warden.events.credentials.RevokeCredentialCommand;
import dev.warden.events.credentials.RotateCredentialCommand;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.credentials.StoreCredentialCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.TextRule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A credential's life: stored against a type it is checked against, rotated to a new version,
 * revoked, destroyed and revealed. Secret values are sealed here, before the event is made; a reveal
 * opens them before its event is appended, so a refused ciphertext records no reveal; a destroy
 * shreds the data key in the transaction that appends its event.
 */
@Component
class CredentialCommandHandler {

    private static final TextRule NAME = TextRule.line(CredentialsErrorCode.INVALID_CREDENTIAL_NAME,
            "A credential name", 100);
    private static final TextRule DESCRIPTION = TextRule.paragraph(CredentialsErrorCode.INVALID_CREDENTIAL_DESCRIPTION,
            "A description", 2000);

    private final Repository<Credential> credentials;
    private final Repository<CredentialType> types;
    private final CredentialCipher cipher;

    CredentialCommandHandler(@Qualifier("credentialRepository") Repository<Credential> credentials,
                             @Qualifier("credentialTypeRepository") Repository<CredentialType> types,
                             CredentialCipher cipher) {
        this.credentials = credentials;
        this.types = types;
        this.cipher = cipher;
    }

    @CommandHandler
    void handle(StoreCredentialCommand command) throws Exception {
        String name = NAME.check(command.name());
        String description = DESCRIPTION.check(command.description());
        CredentialType type = CredentialType.load(types, command.credentialTypeId(), command.organizationId());
        String provider = provider(command, type);
        Map<String, String> values = CredentialValues.check(type.fields(), command.values());
        Map<String, String> plain = new TreeMap<>();
        Map<String, SealedValue> sealed = seal(command.credentialId(), 1, type.fields(), values, plain);
        credentials.newInstance(() -> new Credential(new CredentialStoredEvent(command.credentialId(),
                command.organizationId(), command.kind(), command.credentialTypeId(), provider, name, description,
                plain, sealed)));
    }

    @CommandHandler
    void handle(RotateCredentialCommand command) {
        Aggregate<Credential> credential = Credential.load(credentials, command.credentialId(),
                command.organizationId());
        credential.execute(c -> {
            int version = c.nextVersion();
            List<CredentialField> fields = CredentialType.load(types, c.credentialTypeId(), command.organizationId())
                    .fields();
            Map<String, String> values = CredentialValues.check(fields, command.values());
            Map<String, String> plain = new TreeMap<>();
            Map<String, SealedValue> sealed = seal(command.credentialId(), version, fields, values, plain);
            c.rotate(version, plain, sealed);
        });
    }

    @CommandHandler
    void handle(RevokeCredentialCommand command) {
        Credential.load(credentials, command.credentialId(), command.organizationId()).execute(Credential::revoke);
    }

    @CommandHandler
    void handle(DestroyCredentialCommand command) {
        Credential.load(credentials, command.credentialId(), command.organizationId()).execute(c -> {
            if (c.destroy()) {
                cipher.shred(command.credentialId());
            }
        });
    }

    @CommandHandler
    RevealedCredential handle(RevealCredentialCommand command) {
        Aggregate<Credential> credential = Credential.load(credentials, command.credentialId(),
                command.organizationId());
        Credential.Sealed sealed = credential.invoke(Credential::sealedForReveal);
        Map<String, String> values = new TreeMap<>(sealed.values());
        sealed.secrets().forEach((field, value) ->
                values.put(field, cipher.open(command.credentialId(), sealed.version(), field, value)));
        credential.execute(c -> c.revealed(sealed.version()));
        return new RevealedCredential(command.credentialId(), sealed.version(), values);
    }

    /** Splits {@code values} into {@code plain} (non-secret fields) and the sealed secret ones it answers. */
    private Map<String, SealedValue> seal(String credentialId, int version, List<CredentialField> fields,
                                          Map<String, String> values, Map<String, String> plain) {
        Map<String, SealedValue> sealed = new TreeMap<>();
        for (CredentialField field : fields) {
            String value = values.get(field.name());
            if (value == null) {
                continue;
            }
            if (field.secret()) {
                sealed.put(field.name(), cipher.seal(credentialId, version, field.name(), value));
            } else {
                plain.put(field.name(), value);
            }
        }
        return sealed;
    }

    /** A cloud credential's provider, which must be its type's; an app credential has none. */
    private static String provider(StoreCredentialCommand command, CredentialType type) {
        boolean cloud = command.kind() == CredentialKind.CLOUD;
        (cloud ? IdKind.CREDENTIAL : IdKind.APP_CREDENTIAL).require(command.credentialId());
        if (!cloud) {
            return null;
        }
        String provider = CredentialTypeRules.provider(command.provider(), false);
        if (!provider.equals(type.provider())) {
            throw new DomainException(CredentialsErrorCode.PROVIDER_MISMATCH, "The credential type is "
                    + (type.provider() == null ? "of no cloud provider" : "for " + type.provider())
                    + ", not for " + provider);
        }
        return provider;
    }
}
