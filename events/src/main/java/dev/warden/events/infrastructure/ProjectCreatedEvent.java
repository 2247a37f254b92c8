package dev.warden.events.infrastructure;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A project came into being, active, with its name, description ({@code ""} when none) and labels. */
@Revision("1")
public record ProjectCreatedEvent(String projectId,
                                  String organizationId,
                                  String name,
                                  String description,
                                  Map<String, String> labels) {
}
