package dev.warden.events.infrastructure;

/**
 * How many resources a Terraform run adds, changes and destroys (for a plan: would), each zero or more.
 */
public record ResourceCounts(int add, int change, int destroy) {
}
