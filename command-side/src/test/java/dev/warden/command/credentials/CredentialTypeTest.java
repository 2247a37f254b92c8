package dev.warden.command.credentials;

import static dev.warden.command.credentials.CredentialsTestData.CUSTOM_FIELDS;
import static dev.warden.command.credentials.CredentialsTestData.CUSTOM_TYPE_ID;
import static dev.warden.command.credentials.CredentialsTestData.ORGANIZATION_ID;
import static dev.warden.command.credentials.CredentialsTestData.OTHER_CUSTOM_TYPE_ID;
import static dev.warden.command.credentials.CredentialsTestData.awsType;
import static dev.warden.command.support.DomainErrors.refusedWith;
import static org.hamcrest.Matchers.containsString;

import dev.warden.command.support.InMemoryUniqueNames;
import dev.warden.events.credentials.CreateCredentialTypeCommand;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialTypeCreatedEvent;
import dev.warden.events.credentials.CredentialsErrorCode;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialTypeTest {

    private AggregateTestFixture<CredentialType> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CredentialType.class);
        fixture.registerAnnotatedCommandHandler(new CredentialTypeCommandHandler(fixture.getRepository(),
                new InMemoryUniqueNames()));
    }

    private static CreateCredentialTypeCommand create(String typeId, String name, List<CredentialField> fields) {
        return new CreateCredentialTypeCommand(typeId, ORGANIZATION_ID, name, null, null, fields);
    }

    @Test
    void createsAnOrganizationsTypeWithItsFields() {
        fixture.givenNoPriorActivity()
                .when(create(CUSTOM_TYPE_ID, " GitHub token ", CUSTOM_FIELDS))
                .expectEvents(new CredentialTypeCreatedEvent(CUSTOM_TYPE_ID, ORGANIZATION_ID, "GitHub token", null, "",
                        CUSTOM_FIELDS));
    }

    @Test
    void refusesANameTheOrganizationHasAlreadyIgnoringCase() {
        fixture.givenCommands(create(CUSTOM_TYPE_ID, "GitHub token", CUSTOM_FIELDS))
                .when(create(OTHER_CUSTOM_TYPE_ID, "github TOKEN", CUSTOM_FIELDS))
                .expectException(refusedWith(CredentialsErrorCode.CREDENTIAL_TYPE_NAME_TAKEN))
                .expectNoEvents();
    }

    @Test
    void refusesAFieldNameThatBreaksTheRuleNamingIt() {
        fixture.givenNoPriorActivity()
                .when(create(CUSTOM_TYPE_ID, "Bad", List.of(new CredentialField("Api-Key", true, true, null))))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_FIELD_DEFINITION))
                .expectExceptionMessage(containsString("'Api-Key'"));
    }

    @Test
    void refusesAFieldDefinedTwice() {
        fixture.givenNoPriorActivity()
                .when(create(CUSTOM_TYPE_ID, "Bad", List.of(new CredentialField("token", true, true, null),
                        new CredentialField("token", false, false, null))))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_FIELD_DEFINITION))
                .expectExceptionMessage(containsString("'token' is defined twice"));
    }

    @Test
    void refusesAPatternThatDoesNotCompileNamingItsField() {
        fixture.givenNoPriorActivity()
                .when(create(CUSTOM_TYPE_ID, "Bad", List.of(new CredentialField("token", true, true, "ghp_[a-z"))))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_FIELD_DEFINITION))
                .expectExceptionMessage(containsString("field 'token'"));
    }

    @Test
    void refusesATypeWithoutASecretField() {
        fixture.givenNoPriorActivity()
                .when(create(CUSTOM_TYPE_ID, "Bad", List.of(new CredentialField("owner", false, true, null))))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_FIELD_DEFINITION));
    }

    @Test
    void refusesAProviderThatIsNoCloud() {
        fixture.givenNoPriorActivity()
                .when(new CreateCredentialTypeCommand(CUSTOM_TYPE_ID, ORGANIZATION_ID, "Bad", "oracle", null,
                        CUSTOM_FIELDS))
                .expectException(refusedWith(CredentialsErrorCode.INVALID_PROVIDER));
    }

    @Test
    void definesASystemTypeOnceAndAgainStoresNothing() {
        fixture.givenNoPriorActivity()
                .when(SystemCredentialTypes.TYPES.get(0))
                .expectEvents(awsType());
        fixture.given(awsType())
                .when(SystemCredentialTypes.TYPES.get(0))
                .expectNoEvents();
    }
}
