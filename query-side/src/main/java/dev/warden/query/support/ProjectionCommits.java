package dev.warden.query.support;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes those who wait for the projections of this process ({@link ProjectionProgress#await}) when
 * a projection transaction commits, which is when a processor may have moved on: they look again at
 * once instead of at their next poll.
 */
@Component
public class ProjectionCommits {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    /** A projection transaction committed. */
    public void committed() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many have committed so far; pass it to {@link #awaitAfter} so a commit in between is not missed. */
    public long count() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a commit after the {@code seen}-th, or {@code nanos} pass. */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (commits == seen && left > 0) {
                left = committed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
