package dev.forcelink.testkit.internal.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most recent requests, oldest first, bounded so that a long benchmark cannot fill the heap. Thread-safe.
 */
public final class Journal {

    private final int capacity;
    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    /**
     * @param capacity the most entries kept
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public Journal(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** @param entry a finished request */
    public void record(JournalEntry entry) {
        entries.addLast(entry);
        if (size.incrementAndGet() > capacity && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** @return a snapshot, oldest first */
    public List<JournalEntry> entries() {
        return new ArrayList<>(entries);
    }

    /** Forgets every entry. */
    public void clear() {
        while (entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }
}
