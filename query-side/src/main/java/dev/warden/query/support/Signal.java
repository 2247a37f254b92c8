package dev.warden.query.support;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Something that happens again and again (a commit), which threads can wait for without missing
 * one that happened while they were looking elsewhere: read {@link #count()} first, look, then
 * {@link #awaitAfter} that count.
 */
public class Signal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition happened = lock.newCondition();
    private long count;

    /** It happened: wakes everyone waiting. */
    public void signal() {
        lock.lock();
        try {
            count++;
            happened.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How often it has happened so far. */
    public long count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until it happens after the {@code seen}-th time, or {@code nanos} pass. */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (count == seen && left > 0) {
                left = happened.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
