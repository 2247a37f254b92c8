package dev.warden.command.identity;

import dev.warden.command.access.AccessTestData;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;

/** Sample users shared by the identity fixture tests; organizations and roles are in {@link AccessTestData}. */
final class IdentityTestData {

    static final String USER_ID = AccessTestData.USER_ID;
    static final String OTHER_USER_ID = AccessTestData.OTHER_USER_ID;
    static final String MEMBER_ID = AccessTestData.MEMBER_ID;
    static final String OTHER_MEMBER_ID = AccessTestData.id(IdKind.MEMBER, "bob");
    static final String EMAIL = "alice@example.com";

    private IdentityTestData() {
    }

    static UserRegisteredEvent aliceRegistered() {
        return new UserRegisteredEvent(USER_ID, EMAIL, "Alice");
    }

    static UserRegisteredEvent bobRegistered() {
        return new UserRegisteredEvent(OTHER_USER_ID, "bob@example.com", "Bob");
    }
}
