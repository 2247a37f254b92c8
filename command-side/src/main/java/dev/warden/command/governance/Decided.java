package dev.warden.command.governance;

import dev.warden.events.governance.Decision;

/** A recorded decision's answer; {@code opensApproval} when the decision opened a new approval. */
record Decided(Decision decision, boolean opensApproval) {
}
