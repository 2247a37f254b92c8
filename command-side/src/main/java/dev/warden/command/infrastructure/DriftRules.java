package dev.warden.command.infrastructure;

import static dev.warden.events.infrastructure.DriftErrorCode.INVALID_DRIFT_CHECK;

import dev.warden.events.infrastructure.DriftCheckRecordedEvent;
import dev.warden.events.infrastructure.DriftedResource;
import dev.warden.events.infrastructure.RecordDriftCheckCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a drift check may say: its status and trigger, and the changed resources (an address, a kind
 * of change, attribute names), which must fit the status. Attribute values have no place in it.
 */
final class DriftRules {

    static final String DRIFTED = "drifted";
    static final List<String> STATUSES = List.of("no-drift", DRIFTED, "failed");
    static final List<String> TRIGGERS = List.of("manual", "schedule", "api");
    static final List<String> CHANGES = List.of("create", "update", "delete", "replace");
    static final int MAX_RESOURCES = 1000;
    static final int MAX_ATTRIBUTES = 200;
    static final int MAX_RESOURCES_CHECKED = 1_000_000;
    /** A Terraform resource address: printable, no spaces (quoted keys of for_each are fine). */
    private static final Pattern ADDRESS = Pattern.compile("[\\x21-\\x7E]{1,500}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,200}");
    private static final TextRule SUMMARY = TextRule.paragraph(INVALID_DRIFT_CHECK, "A drift summary", 2000);

    private DriftRules() {
    }

    /** The event recording {@code command} for a workspace of {@code projectId}, once everything is checked. */
    static DriftCheckRecordedEvent recorded(RecordDriftCheckCommand command, String projectId) {
        String status = oneOf("status", command.status(), STATUSES);
        String trigger = oneOf("trigger", command.trigger(), TRIGGERS);
        List<DriftedResource> resources = resources(command.resources());
        if (DRIFTED.equals(status) == resources.isEmpty()) {
            throw invalid(DRIFTED.equals(status) ? "A drifted check names the resources that changed"
                    : "Only a drifted check names changed resources");
        }
        int checked = command.resourcesChecked() == null ? resources.size() : command.resourcesChecked();
        if (checked < resources.size() || checked > MAX_RESOURCES_CHECKED) {
            throw invalid("resourcesChecked is between the number of changed resources and " + MAX_RESOURCES_CHECKED);
        }
        String summary = SUMMARY.check(command.summary());
        if (summary.isEmpty() && "failed".equals(status)) {
            throw invalid("A failed check says why in its summary");
        }
        return new DriftCheckRecordedEvent(command.workspaceId(), command.organizationId(), projectId,
                command.checkId(), status, resources, checked, summary, trigger, command.triggeredBy());
    }

    private static List<DriftedResource> resources(List<DriftedResource> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_RESOURCES) {
            throw invalid("A drift check names at most " + MAX_RESOURCES + " resources");
        }
        List<DriftedResource> resources = new ArrayList<>();
        for (DriftedResource resource : raw) {
            if (resource == null || resource.address() == null || !ADDRESS.matcher(resource.address()).matches()) {
                throw invalid("A resource address is 1 to 500 printable characters without spaces: '"
                        + Text.excerpt(resource == null ? null : resource.address()) + "' is not");
            }
            List<String> attributes = resource.attributes() == null ? List.of() : resource.attributes();
            if (attributes.size() > MAX_ATTRIBUTES) {
                throw invalid("A resource names at most " + MAX_ATTRIBUTES + " attributes");
            }
            for (String attribute : attributes) {
                if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
                    throw invalid("An attribute name is 1 to 200 letters, digits and _ . [ ] -: '"
                            + Text.excerpt(attribute) + "' is not");
                }
            }
            resources.add(new DriftedResource(resource.address(), oneOf("change", resource.change(), CHANGES),
                    List.copyOf(attributes)));
        }
        return List.copyOf(resources);
    }

    private static String oneOf(String field, String raw, List<String> allowed) {
        return Vocabulary.require(INVALID_DRIFT_CHECK, "A drift check's " + field, raw, allowed);
    }

    private static DomainException invalid(String message) {
        return new DomainException(INVALID_DRIFT_CHECK, message);
    }
}
