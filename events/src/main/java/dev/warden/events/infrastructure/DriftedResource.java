package dev.warden.events.infrastructure;

import java.util.List;

/**
 * One resource a drift check found changed outside Terraform: its address (e.g.
 * {@code module.network.aws_security_group.web}), the kind of change ({@code create}, {@code update},
 * {@code delete} or {@code replace}) and the names of the attributes that differ. Never their values:
 * those may be secret.
 */
public record DriftedResource(String address, String change, List<String> attributes) {
}
