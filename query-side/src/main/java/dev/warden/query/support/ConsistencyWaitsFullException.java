package dev.warden.query.support;

/**
 * As many requests as allowed wait for the read models already, so this one does not wait at all
 * (a wait holds a request thread; too many of them would starve the rest, health included).
 */
public class ConsistencyWaitsFullException extends PositionNotReachedException {

    public ConsistencyWaitsFullException(long position, int waiting) {
        super(position, waiting + " requests wait for the read models already; retry shortly");
    }
}
