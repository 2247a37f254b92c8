package dev.warden.command.support;

/**
 * Seeds what a context needs before its first request (a catalogue, system roles) through commands,
 * so the seed has events and an audit trail like everything else. Every seeder runs when a
 * command-side process starts (unless {@code warden.seed.on-start} is false) and on {@code db seed};
 * seeding again appends nothing.
 */
public interface Seeder {

    /** Seeds what is missing and returns how many commands stored events. */
    int seed();
}
