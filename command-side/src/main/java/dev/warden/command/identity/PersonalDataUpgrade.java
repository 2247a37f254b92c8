package dev.warden.command.identity;

import dev.warden.command.support.UniqueNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings what a database holds from before personal data was encrypted under the new rules, once, when
 * a command-side process starts (before it serves requests): email and external-account claims held in
 * plaintext are claimed again by their keyed hash, and TOTP secrets kept in plaintext are encrypted under their user's data
 * key. Each row is converted under a row lock, so instances starting together convert it once; a start
 * that finds nothing to convert does nothing (it is safe to interrupt and rerun). Events written before
 * stay as they are: the log is never rewritten.
 */
@Component
public class PersonalDataUpgrade implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataUpgrade.class);

    private final JdbcClient jdbc;
    private final UniqueNames names;
    private final PersonalData personal;
    private final TransactionTemplate transactions;

    PersonalDataUpgrade(JdbcClient jdbc, UniqueNames names, PersonalData personal,
                        PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.names = names;
        this.personal = personal;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int claims = transactions.execute(status -> hashEmailClaims() + hashAccountClaims());
        int secrets = transactions.execute(status -> encryptTotpSecrets());
        if (claims + secrets > 0) {
            log.info("Personal data upgrade: {} email claim(s) now by keyed hash, {} TOTP secret(s) encrypted",
                    claims, secrets);
        }
    }

    /** Moves every plaintext email claim to the claim of its keyed hash. */
    int hashEmailClaims() {
        var legacy = jdbc.sql("SELECT key, owner_id FROM command_unique_names WHERE scope = ? ORDER BY key FOR UPDATE")
                .param(UserRules.LEGACY_EMAIL_SCOPE)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] claim : legacy) {
            names.claim(UserRules.EMAIL_SCOPE, personal.emailHash(claim[0]), claim[1]);
            names.release(UserRules.LEGACY_EMAIL_SCOPE, claim[0], claim[1]);
        }
        return legacy.size();
    }

    /** Moves every plaintext external-account claim ("provider:account", a provider has no colon) to its keyed hash. */
    int hashAccountClaims() {
        var legacy = jdbc.sql("SELECT key, owner_id FROM command_unique_names WHERE scope = ? AND key LIKE '%:%' "
                        + "ORDER BY key FOR UPDATE")
                .param(UserRules.ACCOUNT_SCOPE)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] claim : legacy) {
            String[] parts = claim[0].split(":", 2);
            names.release(UserRules.ACCOUNT_SCOPE, claim[0], claim[1]);
            names.claim(UserRules.ACCOUNT_SCOPE, personal.accountHash(parts[0], parts[1]), claim[1]);
        }
        return legacy.size();
    }

    /** Encrypts every TOTP secret still in plaintext. */
    int encryptTotpSecrets() {
        var plaintext = jdbc.sql("SELECT user_id, secret FROM user_totp WHERE secret IS NOT NULL ORDER BY user_id "
                        + "FOR UPDATE")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] row : plaintext) {
            jdbc.sql("UPDATE user_totp SET encrypted_secret = ?, secret = NULL WHERE user_id = ?")
                    .params(personal.encrypt(row[0], Credentials.TOTP_FIELD, row[1]), row[0])
                    .update();
        }
        return plaintext.size();
    }
}
