package dev.warden.query.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the projections are in the log, read from {@code token_entry} (so it also sees segments
 * that other instances own), and the bounded wait that gives clients read-your-writes. At most
 * {@code warden.query.max-consistency-waiters} requests wait at once; a wait holds a request thread
 * (never a database connection), and more of them would starve the other requests and health.
 */
@Component
public class ProjectionProgress {

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;
    private final ProjectionCommits commits;
    private final int maxWaiters;
    private final Semaphore waiters;

    ProjectionProgress(JdbcClient jdbc, @Qualifier("serializer") Serializer serializer,
                       EventProcessingConfiguration processing, QuerySettings settings, ProjectionCommits commits) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.maxWait = settings.maxConsistencyWait();
        this.commits = commits;
        this.maxWaiters = settings.maxConsistencyWaiters();
        this.waiters = new Semaphore(maxWaiters);
    }

    /** The names of the projections' processors in this process. */
    public List<String> processorNames() {
        List<String> names = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        names.sort(null);
        return names;
    }

    /** Every segment's token of every projection processor, by processor name, as stored. */
    public Map<String, List<TrackingToken>> tokens() {
        Map<String, List<TrackingToken>> tokens = new TreeMap<>();
        segments().forEach((name, bySegment) -> tokens.put(name, new ArrayList<>(bySegment.values())));
        return tokens;
    }

    /**
     * Whether every projection processor has handled the event at {@code position}. Segments this
     * process works on are judged by their live status, which also moves past events the processor
     * has no handler for (those are stored in the token only later); the others by their stored token.
     */
    public boolean reached(long position) {
        Boolean fromLiveStatus = reachedLive(position);
        if (fromLiveStatus != null) {
            return fromLiveStatus;
        }
        for (Map.Entry<String, Map<Integer, TrackingToken>> processor : segments().entrySet()) {
            Map<Integer, EventTrackerStatus> live = processing.eventProcessor(processor.getKey(),
                            StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus)
                    .orElse(Map.of());
            if (processor.getValue().isEmpty()) {
                return false;
            }
            for (Map.Entry<Integer, TrackingToken> segment : processor.getValue().entrySet()) {
                EventTrackerStatus status = live.get(segment.getKey());
                TrackingToken token = status != null && status.getTrackingToken() != null
                        ? status.getTrackingToken() : segment.getValue();
                if (token == null || !Positions.covers(token, position)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The answer from this process's live status alone, without reading {@code token_entry}: true
     * when for every processor the segments this process works on cover the whole log and have all
     * handled {@code position}; false when one of them is behind; {@code null} when this process
     * does not work on every segment (the stored tokens must tell).
     */
    private Boolean reachedLive(long position) {
        for (String name : processorNames()) {
            Map<Integer, EventTrackerStatus> live = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .map(StreamingEventProcessor::processingStatus)
                    .orElse(Map.of());
            double share = 0;
            for (EventTrackerStatus status : live.values()) {
                TrackingToken token = status.getTrackingToken();
                if (token == null || !Positions.covers(token, position)) {
                    return false;
                }
                share += 1.0 / (status.getSegment().getMask() + 1);
            }
            if (share < 0.999) {
                return null;
            }
        }
        return true;
    }

    private Map<String, Map<Integer, TrackingToken>> segments() {
        Map<String, Map<Integer, TrackingToken>> segments = new TreeMap<>();
        for (String name : processorNames()) {
            segments.put(name, new TreeMap<>());
        }
        jdbc.sql("SELECT processor_name, segment, token, token_type FROM token_entry")
                .query((rs, row) -> {
                    Map<Integer, TrackingToken> bySegment = segments.get(rs.getString(1));
                    if (bySegment != null) {
                        bySegment.put(rs.getInt(2), Positions.decode(serializer, rs.getBytes(3), rs.getString(4)));
                    }
                    return null;
                })
                .list();
        return segments;
    }

    /**
     * Waits until every projection has handled {@code position}, at most the configured time.
     *
     * @throws PositionNotReachedException when the wait ran out
     * @throws ConsistencyWaitsFullException at once, when the most requests allowed wait already
     */
    public void await(OptionalLong position) {
        if (position.isEmpty() || reached(position.getAsLong())) {
            return;
        }
        if (!waiters.tryAcquire()) {
            throw new ConsistencyWaitsFullException(position.getAsLong(), maxWaiters);
        }
        try {
            waitFor(position);
        } finally {
            waiters.release();
        }
    }

    private void waitFor(OptionalLong position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        // A projection of this process wakes the wait when it commits. Its processor records the new
        // position just after that commit, so a wait woken by a commit looks again 0.1 ms later; the
        // growing pauses cover segments other instances work on (their stored tokens are read).
        long pauseMicros = 100;
        while (true) {
            long seen = commits.count();
            if (reached(position.getAsLong())) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new PositionNotReachedException(position.getAsLong(), maxWait);
            }
            try {
                commits.awaitAfter(seen, Math.min(left, pauseMicros * 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PositionNotReachedException(position.getAsLong(), maxWait);
            }
            pauseMicros = commits.count() != seen ? 100 : Math.min(pauseMicros * 2, 20_000);
        }
    }
}
