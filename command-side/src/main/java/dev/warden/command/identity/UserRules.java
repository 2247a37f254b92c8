package dev.warden.command.identity;

import dev.warden.command.support.UniqueNames;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.TextRule;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules a user's email, display name and linked accounts follow, and the uniqueness scopes that
 * give each email and each external account to one user at most.
 */
public final class UserRules {

    /** The uniqueness scope of emails, by their keyed hash ({@link PersonalData#emailHash}); its owners are user ids. */
    public static final String EMAIL_SCOPE = "user-email-hash";
    /** The scope of emails claimed in plaintext before they were hashed; emptied at start ({@link PersonalDataUpgrade}). */
    static final String LEGACY_EMAIL_SCOPE = "user-email";
    /** The address of each invitation sent to an email: key the invitation id, owner the email's keyed hash. */
    static final String INVITATION_EMAIL_SCOPE = "invitation-email";
    /** The uniqueness scope of external accounts, by the keyed hash of "provider:account"; owners are account ids. */
    static final String ACCOUNT_SCOPE = "external-account";
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
    private static final TextRule EMAIL_TEXT = TextRule.line(IdentityErrorCode.INVALID_EMAIL, "An email address",
            MAX_EMAIL_LENGTH);
    private static final TextRule DISPLAY_NAME = TextRule.line(IdentityErrorCode.INVALID_NAME, "A display name",
            MAX_DISPLAY_NAME_LENGTH);
    private static final TextRule ACCOUNT_ID = TextRule.line(IdentityErrorCode.INVALID_PROVIDER,
            "A provider account id", 200);

    private UserRules() {
    }

    /** The uniqueness key of an email: the same for addresses that differ only in case. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String requireEmail(String raw) {
        String email = EMAIL_TEXT.check(raw);
        if (!EMAIL.matcher(email).matches()) {
            throw new DomainException(IdentityErrorCode.INVALID_EMAIL, "Not a valid email address");
        }
        return email;
    }

    static String requireDisplayName(String raw) {
        return DISPLAY_NAME.check(raw);
    }

    /** The provider of an external account, lower-cased. */
    static String requireProvider(String raw) {
        String provider = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(provider).matches()) {
            throw new DomainException(IdentityErrorCode.INVALID_PROVIDER,
                    "A provider is 1 to 40 lowercase letters, digits, '.', '_' or '-'");
        }
        return provider;
    }

    static String requireAccountId(String raw) {
        return ACCOUNT_ID.check(raw);
    }

    /** Frees the claim of the external account {@code accountId} (whatever its key: by hash, or plaintext from before). */
    static void releaseAccount(UniqueNames names, String accountId) {
        names.keysOf(ACCOUNT_SCOPE, accountId).forEach(key -> names.release(ACCOUNT_SCOPE, key, accountId));
    }

    /** Claims the email of keyed hash {@code emailHash} for {@code userId}; refuses an email another user holds. */
    static void claimEmail(UniqueNames names, String emailHash, String userId) {
        if (!names.claim(EMAIL_SCOPE, emailHash, userId)) {
            throw new DomainException(IdentityErrorCode.EMAIL_TAKEN, "A user with this email exists already");
        }
    }
}
