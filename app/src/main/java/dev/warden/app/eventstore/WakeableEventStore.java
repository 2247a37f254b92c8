package dev.warden.app.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which its trackers can be told to read now. Appends in this process
 * wake them already (after their commit); {@link #eventsAppendedElsewhere()} does the same for
 * appends that another process committed, so they need not wait for the next poll.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    private final Runnable appendCommitted;

    /**
     * @param appendCommitted told of every append that committed, here or elsewhere (the storage
     *                        engine's fetches that wait for hidden rows look again)
     */
    public WakeableEventStore(Builder builder, Runnable appendCommitted) {
        super(builder);
        this.appendCommitted = appendCommitted;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        appendCommitted.run();
        super.afterCommit(events);
    }

    /**
     * Makes the store's reader fetch from the log at once instead of at the end of its current poll
     * wait. Cheap and safe to call often: wake-ups that arrive while it is reading fold into one
     * more read. Ordering and the visibility filter are those of every other read.
     */
    public void eventsAppendedElsewhere() {
        // The hook the store itself uses after a local commit: nothing is published, the reader is signalled.
        afterCommit(List.of());
    }
}
