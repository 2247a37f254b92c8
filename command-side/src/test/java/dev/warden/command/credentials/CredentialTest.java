package dev.warden.command.credentials;

import static dev.warden.command.credentials.CredentialsTestData.ACCESS_KEY_ID;
import static dev.warden.command.credentials.CredentialsTestData.APP_CREDENTIAL_ID;
import static dev.warden.command.credentials.CredentialsTestData.AWS;
import static dev.warden.command.credentials.CredentialsTestData.CREDENTIAL_ID;
import static dev.warden.command.credentials.CredentialsTestData.CUSTOM_TYPE_ID;
import static dev.warden.command.credentials.CredentialsTestData.ORGANIZATION_ID;
import static dev.warden.command.credentials.CredentialsTestData.OTHER_CUSTOM_TYPE_ID;
import static dev.warden.command.credentials.CredentialsTestData.OTHER_ORGANIZATION_ID;
import static dev.warden.command.credentials.CredentialsTestData.SECRET_ACCESS_KEY;
import static dev.warden.command.credentials.CredentialsTestData.awsStored;
import static dev.warden.command.credentials.CredentialsTestData.awsType;
import static dev.warden.command.credentials.CredentialsTestData.awsValues;
import static dev.warden.command.credentials.CredentialsTestData.customType;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.warden.command.credentials.CredentialsTestData.FakeCipher;
import dev.warden.command.support.EventSourcedAggregates;
import dev.warden.events.credentials.CredentialDestroyedEvent;
import dev.warden.events.credentials.CredentialKind;
import dev.warden.events.credentials.CredentialRevealedEvent;
import dev.warden.events.credentials.CredentialRevokedEvent;
import dev.warden.events.credentials.CredentialRotatedEvent;
import dev.warden.events.credentials.CredentialStoredEvent;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.credentials.DestroyCredentialCommand;
import dev.warden.events.credentials.RevealCredentialCommand;
import dev.warden.events.credentials.RevokeCredentialCommand;
import dev.warden.events.credentials.RotateCredentialCommand;
import dev.warden.events.credentials.SealedValue;
import dev.warden.events.credentials.StoreCredentialCommand;
import dev.warden.events.shared.IdKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialTest {

    private AggregateTestFixture<Credential> fixture;
    private FakeCipher cipher;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Credential.class);
        cipher = new FakeCipher();
        EventSourcedAggregates<CredentialType> types = new EventSourcedAggregates<>(CredentialType.class)
                .given(AWS, awsType())
                .given(CUSTOM_TYPE_ID, customType(CUSTOM_TYPE_ID, ORGANIZATION_ID))
                .given(OTHER_CUSTOM_TYPE_ID, customType(OTHER_CUSTOM_TYPE_ID, OTHER_ORGANIZATION_ID));
        fixture.registerAnnotatedCommandHandler(new CredentialCommandHandler(fixture.getRepository(),
                types.repository(), cipher));
    }

    private static StoreCredentialCommand storeAws(String provider, Map<String, String> values) {
        return new StoreCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.CLOUD, AWS, provider,
                " Production deployer ", null, values);
    }

    private static Map<String, String> with(String field, String value) {
        Map<String, String> values = new HashMap<>(awsValues());
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        return values;
    }

    @Test
    void storesACloudCredentialWithItsSecretsSealed() {
        fixture.givenNoPriorActivity()
                .when(storeAws("aws", awsValues()))
                .expectEvents(awsStored());
        SealedValue key = awsStored().secrets().get("access_key_id");
        assertThat(key.ciphertext()).doesNotContain(ACCESS_KEY_ID);
    }

    @Test
    void refusesAnUnknownFieldAMissingOneAndAPatternMismatchNamingTheFieldNeverTheValue() {
        fixture.givenNoPriorActivity()
                .when(storeAws("aws", with("password", "hunter2-hunter2")))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_CREDENTIAL_VALUE))
                .expectExceptionMessage(allOf(containsString("'password'"), not(containsString("hunter2"))))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(storeAws("aws", with("secret_access_key", null)))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_CREDENTIAL_VALUE))
                .expectExceptionMessage(containsString("'secret_access_key' is required"));
        fixture.givenNoPriorActivity()
                .when(storeAws("aws", with("access_key_id", "XKIA-not-a-key-id-at-all")))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_CREDENTIAL_VALUE))
                .expectExceptionMessage(allOf(containsString("'access_key_id' does not match"),
                        not(containsString("XKIA"))));
    }

    @Test
    void refusesACloudCredentialOfAnotherProvidersType() {
        fixture.givenNoPriorActivity()
                .when(storeAws("azure", awsValues()))
                .expectException(refusedWith(CredentialsErrorCode.PROVIDER_MISMATCH));
        fixture.givenNoPriorActivity()
                .when(new StoreCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.CLOUD, CUSTOM_TYPE_ID,
                        "aws", "GitHub", null, Map.of("token", "ghp_abcdefgh")))
                .expectException(refusedWith(CredentialsErrorCode.PROVIDER_MISMATCH));
    }

    @Test
    void storesAnAppCredentialOfTheOrganizationsOwnType() {
        fixture.givenNoPriorActivity()
                .when(new StoreCredentialCommand(APP_CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.APP, CUSTOM_TYPE_ID,
                        null, "GitHub", null, Map.of("token", "ghp_abcdefgh", "owner", "acme")))
                .expectEvents(new CredentialStoredEvent(APP_CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.APP,
                        CUSTOM_TYPE_ID, null, "GitHub", "", Map.of("owner", "acme"), Map.of("token",
                        FakeCipher.sealed(APP_CREDENTIAL_ID, 1, "token", "ghp_abcdefgh"))));
    }

    @Test
    void refusesAnAppCredentialOfAnotherOrganizationsType() {
        fixture.givenNoPriorActivity()
                .when(new StoreCredentialCommand(APP_CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.APP,
                        OTHER_CUSTOM_TYPE_ID, null, "GitHub", null, Map.of("token", "ghp_abcdefgh")))
                .expectException(refusedWith(IdKind.CREDENTIAL_TYPE.notFoundCode()));
    }

    @Test
    void rotatesToTheNextVersionWithValuesSealedForIt() {
        String newKey = "AKIAI44QH8DHBEXAMPLE";
        fixture.given(awsStored())
                .when(new RotateCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID, with("access_key_id", newKey)))
                .expectEvents(new CredentialRotatedEvent(CREDENTIAL_ID, ORGANIZATION_ID, 2, Map.of("region", "eu-west-1"),
                        Map.of("access_key_id", FakeCipher.sealed(CREDENTIAL_ID, 2, "access_key_id", newKey),
                                "secret_access_key", FakeCipher.sealed(CREDENTIAL_ID, 2, "secret_access_key",
                                        SECRET_ACCESS_KEY))));
    }

    @Test
    void aRevokedCredentialIsRevokedOnceAndNeitherRotatedNorRevealed() {
        CredentialRevokedEvent revoked = new CredentialRevokedEvent(CREDENTIAL_ID, ORGANIZATION_ID, 1);
        fixture.given(awsStored())
                .when(new RevokeCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectEvents(revoked);
        fixture.given(awsStored(), revoked)
                .when(new RevokeCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectNoEvents();
        fixture.given(awsStored(), revoked)
                .when(new RotateCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID, awsValues()))
                .expectException(refusedWith(CredentialsErrorCode.CREDENTIAL_REVOKED));
        fixture.given(awsStored(), revoked)
                .when(new RevealCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectException(refusedWith(CredentialsErrorCode.CREDENTIAL_REVOKED))
                .expectNoEvents();
    }

    @Test
    void destroyingShredsTheDataKeyOnceAndThenNothingIsRevealedOrRotated() {
        CredentialDestroyedEvent destroyed = new CredentialDestroyedEvent(CREDENTIAL_ID, ORGANIZATION_ID);
        fixture.given(awsStored())
                .when(new DestroyCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectEvents(destroyed);
        assertThat(cipher.shredded).containsExactly(CREDENTIAL_ID);
        fixture.given(awsStored(), destroyed)
                .when(new DestroyCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectNoEvents();
        fixture.given(awsStored(), destroyed)
                .when(new RevealCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectException(refusedWith(CredentialsErrorCode.SECRET_ERASED))
                .expectNoEvents();
        fixture.given(awsStored(), destroyed)
                .when(new RotateCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID, awsValues()))
                .expectException(refusedWith(CredentialsErrorCode.SECRET_ERASED));
    }

    @Test
    void aRevealAnswersThePlaintextAndIsRecorded() {
        fixture.given(awsStored())
                .when(new RevealCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectEvents(new CredentialRevealedEvent(CREDENTIAL_ID, ORGANIZATION_ID, 1))
                .expectResultMessagePayload(new RevealedCredential(CREDENTIAL_ID, 1, awsValues()));
    }

    @Test
    void aCiphertextOfAnotherCredentialIsRefusedAndNoRevealIsRecorded() {
        CredentialStoredEvent stored = awsStored();
        Map<String, SealedValue> moved = new HashMap<>(stored.secrets());
        moved.put("secret_access_key", FakeCipher.sealed(APP_CREDENTIAL_ID, 1, "secret_access_key", SECRET_ACCESS_KEY));
        fixture.given(new CredentialStoredEvent(CREDENTIAL_ID, ORGANIZATION_ID, CredentialKind.CLOUD, AWS, "aws",
                        stored.name(), "", stored.values(), moved))
                .when(new RevealCredentialCommand(CREDENTIAL_ID, ORGANIZATION_ID))
                .expectException(refusedWith(CredentialsErrorCode.CIPHERTEXT_REFUSED))
                .expectNoEvents();
    }

    @Test
    void anotherOrganizationsCredentialLooksMissing() {
        fixture.given(awsStored())
                .when(new RevealCredentialCommand(CREDENTIAL_ID, OTHER_ORGANIZATION_ID))
                .expectException(refusedWith(IdKind.CREDENTIAL.notFoundCode()))
                .expectNoEvents();
    }
}
