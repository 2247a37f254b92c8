package dev.warden.command.credentials;

import dev.warden.command.support.RequestContext;
import dev.warden.command.support.Seeder;
import dev.warden.command.web.CommandSender;
import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.DefineSystemCredentialTypeCommand;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds the system credential types every organization sees (AWS access keys, Azure service
 * principals, GCP service account keys) through commands under fixed ids, so seeding again stores
 * nothing.
 */
@Component
public class SystemCredentialTypes implements Seeder {

    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The AWS access key type. */
    public static final String AWS_ACCESS_KEY = systemId("system-aws-access-key");
    /** The Azure service principal type. */
    public static final String AZURE_SERVICE_PRINCIPAL = systemId("system-azure-sp");
    /** The GCP service account key type. */
    public static final String GCP_SERVICE_ACCOUNT_KEY = systemId("system-gcp-sa-key");

    static final List<DefineSystemCredentialTypeCommand> TYPES = List.of(
            new DefineSystemCredentialTypeCommand(AWS_ACCESS_KEY, "AWS access key", "aws",
                    "An IAM user's or role's access key pair, with a session token for temporary keys", List.of(
                    new CredentialField("access_key_id", true, true, "(AKIA|ASIA)[A-Z0-9]{16}"),
                    new CredentialField("secret_access_key", true, true, "[A-Za-z0-9/+=]{40}"),
                    new CredentialField("session_token", true, false, null),
                    new CredentialField("region", false, false, "[a-z]{2}(-[a-z]+)+-[0-9]"))),
            new DefineSystemCredentialTypeCommand(AZURE_SERVICE_PRINCIPAL, "Azure service principal", "azure",
                    "An Entra ID application's client secret", List.of(
                    new CredentialField("tenant_id", false, true, GUID),
                    new CredentialField("client_id", false, true, GUID),
                    new CredentialField("client_secret", true, true, null),
                    new CredentialField("subscription_id", false, false, GUID))),
            new DefineSystemCredentialTypeCommand(GCP_SERVICE_ACCOUNT_KEY, "GCP service account key", "gcp",
                    "A service account's private key, as in its JSON key file", List.of(
                    new CredentialField("project_id", false, true, "[a-z][a-z0-9-]{4,28}[a-z0-9]"),
                    new CredentialField("client_email", false, true, "[^@\\s]+@[^@\\s]+\\.iam\\.gserviceaccount\\.com"),
                    new CredentialField("private_key_id", false, false, "[0-9a-f]{40}"),
                    new CredentialField("private_key", true, true, null))));

    private static final Logger log = LoggerFactory.getLogger(SystemCredentialTypes.class);

    private final CommandSender commands;

    SystemCredentialTypes(CommandSender commands) {
        this.commands = commands;
    }

    @Override
    public int seed() {
        int changed = 0;
        try (RequestContext.Scope ignored = RequestContext.open(RequestContext.system("seed-" + UUID.randomUUID()))) {
            for (DefineSystemCredentialTypeCommand type : TYPES) {
                if (commands.send(type).isPresent()) {
                    changed++;
                }
            }
        }
        log.info("Credential types seeded: {} command(s) stored events", changed);
        return changed;
    }

    /** A fixed id of the credential type kind: {@code ctp_} and {@code slug} padded to the id's length. */
    private static String systemId(String slug) {
        return "ctp_" + (slug + "0".repeat(21)).substring(0, 21);
    }
}
