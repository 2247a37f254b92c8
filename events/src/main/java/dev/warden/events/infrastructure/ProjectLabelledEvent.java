package dev.warden.events.infrastructure;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A project's labels were replaced by {@code labels}, the whole set. */
@Revision("1")
public record ProjectLabelledEvent(String projectId,
                                   String organizationId,
                                   Map<String, String> labels) {
}
