package dev.warden.query.support;

import java.util.OptionalLong;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/** Log positions as projections see them through Axon's tracking tokens. */
public final class Positions {

    private Positions() {
    }

    /** The log position of the event being handled, given the token that comes with it. */
    public static long of(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("token without a position: " + token));
    }

    /** The position a token has surely handled everything up to (its lower bound), if any. */
    public static OptionalLong lowerBound(TrackingToken token) {
        TrackingToken lower = token == null ? null : WrappedToken.unwrapLowerBound(token);
        return lower == null ? OptionalLong.empty() : lower.position();
    }

    /** A token as {@code token_entry} stores it (serialized bytes and type), or {@code null}. */
    public static TrackingToken decode(Serializer serializer, byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class,
                new SimpleSerializedType(type, null)));
    }

    /**
     * Whether a processor at {@code token} has handled the event at {@code position}: the token is at
     * or past it, and it is not one of the gaps the token still waits for.
     */
    public static boolean covers(TrackingToken token, long position) {
        TrackingToken lower = WrappedToken.unwrapLowerBound(token);
        if (lower instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        OptionalLong at = lower == null ? OptionalLong.empty() : lower.position();
        return at.isPresent() && at.getAsLong() >= position;
    }
}
