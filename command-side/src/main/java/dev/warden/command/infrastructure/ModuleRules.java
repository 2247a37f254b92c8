package dev.warden.command.infrastructure;

import dev.warden.events.infrastructure.ModuleErrorCode;
import dev.warden.events.infrastructure.PublishModuleVersionCommand;
import dev.warden.events.infrastructure.SemanticVersion;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.ErrorCode;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of the module registry's fields, and where module coordinates are unique: a module is
 * its namespace, name and provider, one per organization ignoring case.
 */
final class ModuleRules {

    static final int MAX_SOURCE_LENGTH = 1000;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_REASON_LENGTH = 1000;
    /** Namespaces and names: ASCII letters, digits, {@code -} and {@code _}, starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Providers as Terraform names them: lower-case letters and digits. */
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9]{1,64}");
    /** A password in a URL's user part ({@code scheme://user:password@host}). */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("://[^/@]*:[^/@]*@");
    private static final TextRule SOURCE = TextRule.line(ModuleErrorCode.INVALID_MODULE_SOURCE, "A module source",
            MAX_SOURCE_LENGTH);
    private static final TextRule DESCRIPTION = TextRule.paragraph(ModuleErrorCode.INVALID_MODULE_DESCRIPTION,
            "A module description", MAX_DESCRIPTION_LENGTH);
    private static final TextRule REASON = TextRule.paragraph(ModuleErrorCode.INVALID_DEPRECATION_REASON,
            "A deprecation reason", MAX_REASON_LENGTH).required();

    private ModuleRules() {
    }

    /** What a publication asks for, each field checked. */
    record Publication(String namespace, String name, String provider, SemanticVersion version, String source,
                       String description) {

        /** The module's uniqueness key in its organization. */
        String key() {
            return ModuleRules.key(namespace, name, provider);
        }
    }

    /** Checks every field of {@code command}; refuses the first one that is wrong. */
    static Publication publication(PublishModuleVersionCommand command) {
        String namespace = name(command.namespace(), NAME, ModuleErrorCode.INVALID_MODULE_NAMESPACE, "namespace");
        String name = name(command.name(), NAME, ModuleErrorCode.INVALID_MODULE_NAME, "name");
        String provider = name(command.provider(), PROVIDER, ModuleErrorCode.INVALID_MODULE_PROVIDER, "provider");
        SemanticVersion version = SemanticVersion.require(command.version());
        return new Publication(namespace, name, provider, version, source(command.source()),
                description(command.description()));
    }

    /** The uniqueness scope of the modules of {@code organizationId}. */
    static String scope(String organizationId) {
        return "module:" + organizationId;
    }

    /** The uniqueness key of a module: its coordinates in lower case. */
    static String key(String namespace, String name, String provider) {
        return (namespace + "/" + name + "/" + provider).toLowerCase(Locale.ROOT);
    }

    static String reason(String reason) {
        return REASON.check(reason);
    }

    /** Where Terraform fetches the version: one line without blanks, and never a password. */
    static String source(String source) {
        String text = SOURCE.check(source);
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new DomainException(ModuleErrorCode.INVALID_MODULE_SOURCE, "A module source has no blanks");
        }
        if (PASSWORD_IN_URL.matcher(text).find()) {
            throw new DomainException(ModuleErrorCode.INVALID_MODULE_SOURCE,
                    "A module source must not hold a password (user:password@); give Terraform its credentials "
                            + "another way");
        }
        return text;
    }

    /** The description stripped, {@code null} when empty. */
    static String description(String description) {
        String text = DESCRIPTION.check(description);
        return text.isEmpty() ? null : text;
    }

    private static String name(String value, Pattern shape, ErrorCode code, String what) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new DomainException(code, "A module " + what + " is 1 to 64 "
                    + (shape == PROVIDER ? "lower-case letters and digits" : "letters, digits, '-' and '_', "
                    + "starting with a letter or digit") + "; got '" + Text.excerpt(value) + "'");
        }
        return value;
    }
}
