package dev.warden.command.credentials;

import static dev.warden.events.credentials.CredentialsErrorCode.INVALID_FIELD_DEFINITION;

import dev.warden.events.credentials.CredentialField;
import dev.warden.events.credentials.CredentialsErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a credential type: its name (unique in its organization, ignoring case), provider,
 * description and fields. A field has a name of lower-case letters, digits and {@code _}, no two
 * alike; a pattern, when given, compiles; a type has at least one secret field.
 */
final class CredentialTypeRules {

    static final Set<String> PROVIDERS = Set.of("aws", "azure", "gcp");
    static final int MAX_FIELDS = 30;
    static final int MAX_PATTERN_LENGTH = 500;
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final TextRule NAME = TextRule.line(CredentialsErrorCode.INVALID_CREDENTIAL_TYPE_NAME,
            "A credential type name", 100);
    private static final TextRule DESCRIPTION = TextRule.paragraph(CredentialsErrorCode.INVALID_CREDENTIAL_DESCRIPTION,
            "A description", 2000);

    private CredentialTypeRules() {
    }

    static String name(String raw) {
        return NAME.check(raw);
    }

    static String description(String raw) {
        return DESCRIPTION.check(raw);
    }

    /** The uniqueness scope of type names in {@code organizationId}. */
    static String nameScope(String organizationId) {
        return "credential-type-name:" + organizationId;
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code raw} if it is a provider or {@code null} (when {@code optional}); a refusal otherwise. */
    static String provider(String raw, boolean optional) {
        if (raw == null && optional) {
            return null;
        }
        if (raw == null || !PROVIDERS.contains(raw)) {
            throw new DomainException(CredentialsErrorCode.INVALID_PROVIDER, "The provider '" + Text.excerpt(raw)
                    + "' is not one of aws, azure, gcp");
        }
        return raw;
    }

    /** The fields checked, in the order given. */
    static List<CredentialField> fields(List<CredentialField> raw) {
        if (raw == null || raw.isEmpty() || raw.size() > MAX_FIELDS) {
            throw new DomainException(INVALID_FIELD_DEFINITION, "A credential type has 1 to " + MAX_FIELDS
                    + " fields");
        }
        Set<String> names = new HashSet<>();
        List<CredentialField> fields = new ArrayList<>();
        for (CredentialField field : raw) {
            if (field == null || field.name() == null || !FIELD_NAME.matcher(field.name()).matches()) {
                throw new DomainException(INVALID_FIELD_DEFINITION, "The field name '"
                        + Text.excerpt(field == null ? null : field.name())
                        + "' is not 1 to 64 lower-case letters, digits and _ starting with a letter");
            }
            if (!names.add(field.name())) {
                throw new DomainException(INVALID_FIELD_DEFINITION, "The field '" + field.name() + "' is defined twice");
            }
            fields.add(new CredentialField(field.name(), field.secret(), field.required(), pattern(field)));
        }
        if (fields.stream().noneMatch(CredentialField::secret)) {
            throw new DomainException(INVALID_FIELD_DEFINITION, "A credential type has at least one secret field");
        }
        return List.copyOf(fields);
    }

    private static String pattern(CredentialField field) {
        String pattern = field.pattern();
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new DomainException(INVALID_FIELD_DEFINITION, "The pattern of field '" + field.name()
                    + "' has more than " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new DomainException(INVALID_FIELD_DEFINITION, "The pattern of field '" + field.name()
                    + "' is not a regular expression: " + e.getDescription());
        }
        return pattern;
    }
}
