package dev.warden.command.infrastructure;

import dev.warden.events.infrastructure.ProjectErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of a project's name, description and labels; project names are unique in their
 * organization ({@link #NAMES}).
 */
final class ProjectRules {

    /** Project names, unique in their organization. */
    static final ScopedName NAMES = new ScopedName("project-name:", ProjectErrorCode.PROJECT_NAME_TAKEN, "project",
            "organization");
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 2000;
    static final int MAX_LABELS = 50;
    static final int MAX_LABEL_VALUE_LENGTH = 255;
    private static final TextRule NAME = TextRule.line(ProjectErrorCode.INVALID_PROJECT_NAME, "A project name",
            MAX_NAME_LENGTH);
    private static final TextRule DESCRIPTION = TextRule.paragraph(ProjectErrorCode.INVALID_PROJECT_DESCRIPTION,
            "A project description", MAX_DESCRIPTION_LENGTH);
    private static final TextRule LABEL_VALUE = new TextRule(ProjectErrorCode.INVALID_LABEL, "A label value",
            MAX_LABEL_VALUE_LENGTH, true, false);
    /** 1 to 63 of lower-case letters, digits, {@code . _ / -}, starting and ending with a letter or digit. */
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9](?:[a-z0-9._/-]{0,61}[a-z0-9])?");

    private ProjectRules() {
    }

    static String name(String raw) {
        return NAME.check(raw);
    }

    static String description(String raw) {
        return DESCRIPTION.check(raw);
    }

    /** The labels checked, sorted by key, values stripped; none when {@code raw} is {@code null}. */
    static SortedMap<String, String> labels(Map<String, String> raw) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (raw == null) {
            return labels;
        }
        if (raw.size() > MAX_LABELS) {
            throw new DomainException(ProjectErrorCode.INVALID_LABEL, "A project has at most " + MAX_LABELS
                    + " labels");
        }
        raw.forEach((key, value) -> {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                throw new DomainException(ProjectErrorCode.INVALID_LABEL, "The label key '" + Text.excerpt(key)
                        + "' is not 1 to 63 lower-case letters, digits and . _ / - starting and ending with a"
                        + " letter or digit");
            }
            labels.put(key, LABEL_VALUE.check(value));
        });
        return labels;
    }
}
