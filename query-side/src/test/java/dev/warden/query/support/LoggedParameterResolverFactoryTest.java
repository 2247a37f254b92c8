package dev.warden.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** Axon hands a handler's {@link Logged} parameter from the tracked event, found on the class path. */
class LoggedParameterResolverFactoryTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123456Z");

    private final Recorder recorder = new Recorder();
    private final AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(recorder);

    @Test
    void aTrackedEventGivesItsPositionAndTime() throws Exception {
        adapter.handle(tracked(new GlobalSequenceTrackingToken(42)));

        assertThat(recorder.seen).containsExactly(new Logged(42, AT));
    }

    @Test
    void aReplayedEventGivesThePositionItIsAt() throws Exception {
        GlobalSequenceTrackingToken current = new GlobalSequenceTrackingToken(7);
        adapter.handle(tracked(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100), current)));

        assertThat(recorder.seen).containsExactly(new Logged(7, AT));
    }

    @Test
    void anEventWithoutAPositionDoesNotReachTheHandler() throws Exception {
        assertThat(adapter.canHandle(event())).isFalse();
        assertThat(adapter.canHandle(tracked(new GlobalSequenceTrackingToken(1)))).isTrue();
    }

    private static EventMessage<String> event() {
        return new GenericEventMessage<>("evt-1", "happened", Map.of(), AT);
    }

    private static GenericTrackedEventMessage<String> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, event());
    }

    static class Recorder {

        final List<Logged> seen = new ArrayList<>();

        @EventHandler
        public void on(String event, Logged logged) {
            seen.add(logged);
        }
    }
}
