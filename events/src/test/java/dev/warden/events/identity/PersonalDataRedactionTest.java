package dev.warden.events.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands that carry a person's email or name never print them (a log line must not outlive an erasure). */
class PersonalDataRedactionTest {

    private static final String EMAIL = "pat@example.com";
    private static final String NAME = "Pat Person";

    @Test
    void commandsPrintNeitherEmailNorName() {
        List<Object> commands = List.of(
                new RegisterUserCommand("usr_1", EMAIL, NAME, "hash", "org_1", "mem_1"),
                new BootstrapAdminCommand("usr_1", EMAIL, NAME, "hash", "org_1", "Org", "mem_1"),
                new ChangeEmailCommand("usr_1", EMAIL),
                new ChangeDisplayNameCommand("usr_1", NAME),
                new InviteMemberCommand("inv_1", "org_1", null, EMAIL, Instant.EPOCH));

        assertThat(commands).allSatisfy(command -> assertThat(command.toString())
                .contains(idOf(command))
                .doesNotContain(EMAIL).doesNotContain(NAME));
    }

    private static String idOf(Object command) {
        return command instanceof InviteMemberCommand ? "inv_1" : "usr_1";
    }
}
