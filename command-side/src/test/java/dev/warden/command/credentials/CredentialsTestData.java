package dev.warden.command.credentials;

import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.CredentialTypeCreatedEvent;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.DefineSystemCredentialTypeCommand;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sample types, credentials and an in-memory cipher for the credentials fixture tests. */
final class CredentialsTestData {

    static final String ORGANIZATION_ID = id(IdKind.ORGANIZATION, "acme");
    static final String OTHER_ORGANIZATION_ID = id(IdKind.ORGANIZATION, "globex");
    static final String CREDENTIAL_ID = id(IdKind.CREDENTIAL, "aws");
    static final String APP_CREDENTIAL_ID = id(IdKind.APP_CREDENTIAL, "github");
    static final String CUSTOM_TYPE_ID = id(IdKind.CREDENTIAL_TYPE, "github");
    static final String OTHER_CUSTOM_TYPE_ID = id(IdKind.CREDENTIAL_TYPE, "datadog");
    static final String AWS = SystemCredentialTypes.AWS_ACCESS_KEY;
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final List<CredentialField> CUSTOM_FIELDS = List.of(new CredentialField("token", true, true, "ghp_[A-Za-z0-9]{8}"),
            new CredentialField("owner", false, false, null));

    private CredentialsTestData() {
    }

    static String id(IdKind kind, String name) {
        return kind.prefix() + "_" + (name + "0".repeat(IdKind.TAIL_LENGTH)).substring(0, IdKind.TAIL_LENGTH);
    }

    /** The seeded AWS type, as its event. */
    static CredentialTypeCreatedEvent awsType() {
        DefineSystemCredentialTypeCommand aws = SystemCredentialTypes.TYPES.get(0);
        return new CredentialTypeCreatedEvent(aws.credentialTypeId(), null, aws.name(), aws.provider(),
                aws.description(), aws.fields());
    }

    static CredentialTypeCreatedEvent customType(String typeId, String organizationId) {
        return new CredentialTypeCreatedEvent(typeId, organizationId, "GitHub token", null, "", CUSTOM_FIELDS);
    }

    /** The sample AWS credential at version 1, sealed by {@link FakeCipher}. */
    static CredentialStoredEvent awsStored() {
        return new CredentialStoredEvent(CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.CLOUD, AWS, "aws",
                "Production deployer", "", Map.of("region", "eu-west-1"),
                Map.of("access_key_id", FakeCipher.sealed(CREDENTIAL_ID, 1, "access_key_id", ACCESS_KEY_ID),
                        "secret_access_key", FakeCipher.sealed(CREDENTIAL_ID, 1, "secret_access_key",
                                SECRET_ACCESS_KEY)));
    }

    static Map<String, String> awsValues() {
        return Map.of("access_key_id", ACCESS_KEY_ID, "secret_access_key", SECRET_ACCESS_KEY, "region", "eu-west-1");
    }

    /**
     * A cipher without keys: the "ciphertext" is the associated data and the plaintext reversed, so
     * opening checks the binding as the real one does; shredded credentials answer SECRET_ERASED.
     */
    static final class FakeCipher implements CredentialCipher {

        final Set<String> shredded = new HashSet<>();

        static SealedValue sealed(String credentialId, int version, String field, String plaintext) {
            return new SealedValue(CredentialCipher.associatedData(credentialId, version, field) + "|"
                    + new StringBuilder(plaintext).reverse());
        }

        @Override
        public SealedValue seal(String credentialId, int version, String field, String plaintext) {
            return sealed(credentialId, version, field, plaintext);
        }

        @Override
        public String open(String credentialId, int version, String field, SealedValue sealed) {
            if (shredded.contains(credentialId)) {
                throw DataKeysCipher.erased();
            }
            String prefix = CredentialCipher.associatedData(credentialId, version, field) + "|";
            if (!sealed.ciphertext().startsWith(prefix)) {
                throw new DomainException(CredentialsErrorCode.CIPHERTEXT_REFUSED, "refused");
            }
            return new StringBuilder(sealed.ciphertext().substring(prefix.length())).reverse().toString();
        }

        @Override
        public void shred(String credentialId) {
            shredded.add(credentialId);
        }
    }
}
