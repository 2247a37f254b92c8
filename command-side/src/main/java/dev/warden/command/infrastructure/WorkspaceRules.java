package dev.warden.command.infrastructure;

import static dev.warden.events.infrastructure.WorkspaceErrorCode.INVALID_VARIABLE;
import static dev.warden.events.infrastructure.WorkspaceErrorCode.INVALID_WORKSPACE_SETTING;

import dev.warden.events.infrastructure.WorkspaceErrorCode;
import dev.warden.events.infrastructure.WorkspaceSettings;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.regex.Pattern;

/**
 * The rules of a workspace's name, settings, variables and lock reasons; workspace names are unique
 * in their project ({@link #NAMES}).
 */
final class WorkspaceRules {

    /** Workspace names, unique in their project. */
    static final ScopedName NAMES = new ScopedName("workspace-name:", WorkspaceErrorCode.WORKSPACE_NAME_TAKEN,
            "workspace", "project");
    static final int MAX_VALUE_LENGTH = 4000;
    /** Letters, digits, {@code -} and {@code _}, up to 90, as Terraform workspace names are. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,89}");
    private static final Pattern TERRAFORM_VERSION = Pattern.compile("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}(?:-[0-9A-Za-z.]{1,40})?");
    /** A relative path of plain segments: no leading {@code /}, no {@code ..}. */
    private static final Pattern DIRECTORY = Pattern.compile("(?!/)(?!.*(?:^|/)\\.\\.(?:/|$))[A-Za-z0-9._/-]{1,255}");
    /** An https or ssh address, {@code git@host:path}, or {@code owner/name}. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "(?:https://|ssh://)[A-Za-z0-9._~:/@%+-]{3,490}|git@[A-Za-z0-9.-]+:[A-Za-z0-9._~/-]+|[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern BRANCH = Pattern.compile("(?![-/])(?!.*\\.\\.)[A-Za-z0-9._/-]{1,255}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final TextRule ENVIRONMENT = TextRule.line(INVALID_WORKSPACE_SETTING, "An environment", 64);
    private static final TextRule VALUE = TextRule.paragraph(INVALID_VARIABLE, "A variable value", MAX_VALUE_LENGTH);
    private static final TextRule LOCK_REASON = TextRule.paragraph(WorkspaceErrorCode.INVALID_LOCK_REASON,
            "A lock reason", 500).required();
    private static final TextRule UNLOCK_REASON = TextRule.paragraph(WorkspaceErrorCode.INVALID_LOCK_REASON,
            "An unlock reason", 500);

    private WorkspaceRules() {
    }

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (!NAME.matcher(name).matches()) {
            throw new DomainException(WorkspaceErrorCode.INVALID_WORKSPACE_NAME, "A workspace name is 1 to 90 "
                    + "letters, digits, - and _, starting with a letter or digit: '" + Text.excerpt(raw) + "' is not");
        }
        return name;
    }

    /** The settings checked, text stripped, optional ones {@code null} when empty. */
    static WorkspaceSettings settings(WorkspaceSettings raw) {
        if (raw == null) {
            throw new DomainException(INVALID_WORKSPACE_SETTING, "A workspace needs its settings");
        }
        String repository = optional(raw.vcsRepository(), REPOSITORY, "A VCS repository",
                "an https:// or ssh:// address, git@host:path or owner/name");
        String branch = optional(raw.vcsBranch(), BRANCH, "A VCS branch", "a branch name");
        if (branch != null && repository == null) {
            throw new DomainException(INVALID_WORKSPACE_SETTING, "A VCS branch needs a VCS repository");
        }
        return new WorkspaceSettings(ENVIRONMENT.check(raw.environment()),
                optional(raw.terraformVersion(), TERRAFORM_VERSION, "A Terraform version", "like 1.9.8"),
                optional(raw.workingDirectory(), DIRECTORY, "A working directory",
                        "a relative path of letters, digits and . _ / - without .."),
                repository, branch, raw.autoApply());
    }

    static String variableName(String raw) {
        if (raw == null || !VARIABLE_NAME.matcher(raw).matches()) {
            throw new DomainException(INVALID_VARIABLE, "A variable name is 1 to 128 letters, digits and _, not "
                    + "starting with a digit: '" + Text.excerpt(raw) + "' is not");
        }
        return raw;
    }

    /**
     * The checked value of a variable: a plain value (stripped) when not sensitive; {@code null} for a
     * sensitive one, which must name a credential instead and carry no value.
     */
    static String variableValue(String value, String credentialId, boolean sensitive) {
        if (!sensitive) {
            if (credentialId != null) {
                throw new DomainException(INVALID_VARIABLE, "A variable that refers to a credential is sensitive; "
                        + "mark it so");
            }
            return VALUE.check(value);
        }
        if (value != null) {
            throw new DomainException(INVALID_VARIABLE, "A sensitive variable holds no value, only a credentialId "
                    + "(cred_...) naming the credential that holds it");
        }
        if (!IdKind.CREDENTIAL.matches(credentialId)) {
            throw new DomainException(INVALID_VARIABLE, "A sensitive variable needs a credentialId (cred_...): '"
                    + Text.excerpt(credentialId) + "' is not one");
        }
        return null;
    }

    static String lockReason(String raw) {
        return LOCK_REASON.check(raw);
    }

    /** The reason of an unlock, {@code null} when none was given. */
    static String unlockReason(String raw) {
        String reason = UNLOCK_REASON.check(raw);
        return reason.isEmpty() ? null : reason;
    }

    private static String optional(String raw, Pattern shape, String what, String expected) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!shape.matcher(text).matches()) {
            throw new DomainException(INVALID_WORKSPACE_SETTING, what + " must be " + expected + ": '"
                    + Text.excerpt(raw) + "' is not");
        }
        return text;
    }
}
