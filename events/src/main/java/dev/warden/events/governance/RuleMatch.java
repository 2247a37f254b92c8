package dev.warden.events.governance;

/** Whether a rule matched a call; {@code TOO_COSTLY} when a pattern gave up on the call's arguments. */
enum RuleMatch {
    YES, NO, TOO_COSTLY
}
