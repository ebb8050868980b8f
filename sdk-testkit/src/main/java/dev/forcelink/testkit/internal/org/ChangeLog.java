package dev.forcelink.testkit.internal.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The ordered log of committed writes, bounded to the most recent entries. Listeners hear of each transaction as
 * it commits, in commit order.
 *
 * <p>Thread-safe. Listeners run on the committing thread while the store's write lock is held, which keeps the
 * order exact: they must be quick and must not write to the store.
 */
public final class ChangeLog {

    private final int capacity;
    private final Deque<ChangeLogEntry> entries = new ArrayDeque<>();
    private final List<Consumer<List<ChangeLogEntry>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PublishedEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private long lastCommitNumber;

    /**
     * @param capacity how many entries to keep; older ones are dropped
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public ChangeLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("change log capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Registers a listener for committed transactions.
     *
     * @param listener receives the entries of one transaction
     * @return an action that removes the listener
     */
    public Runnable addListener(Consumer<List<ChangeLogEntry>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * @param afterCommitNumber only entries of later commits are returned
     * @param max the most entries to return
     * @return entries in commit order, possibly empty
     */
    public synchronized List<ChangeLogEntry> entriesAfter(long afterCommitNumber, int max) {
        List<ChangeLogEntry> result = new ArrayList<>();
        for (ChangeLogEntry entry : entries) {
            if (entry.commitNumber() > afterCommitNumber) {
                result.add(entry);
                if (result.size() >= max) {
                    break;
                }
            }
        }
        return result;
    }

    /** @return every retained entry in commit order */
    public synchronized List<ChangeLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** @return the commit number of the latest transaction, or 0 before the first */
    public synchronized long lastCommitNumber() {
        return lastCommitNumber;
    }

    void append(List<ChangeLogEntry> transaction) {
        if (transaction.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (ChangeLogEntry entry : transaction) {
                if (entries.size() == capacity) {
                    entries.removeFirst();
                }
                entries.addLast(entry);
            }
            lastCommitNumber = transaction.get(0).commitNumber();
        }
        List<ChangeLogEntry> view = Collections.unmodifiableList(transaction);
        for (Consumer<List<ChangeLogEntry>> listener : listeners) {
            listener.accept(view);
        }
    }

    /**
     * Registers a listener for platform events published through an API; they are not record changes, so they
     * reach these listeners only, never {@link #addListener} ones.
     *
     * @param listener receives each published event, on the publishing thread
     * @return an action that removes the listener
     */
    public Runnable addEventListener(Consumer<PublishedEvent> listener) {
        eventListeners.add(listener);
        return () -> eventListeners.remove(listener);
    }

    /**
     * Hands a published platform event to every event listener, in registration order.
     *
     * @param event the event
     */
    public void publishEvent(PublishedEvent event) {
        for (Consumer<PublishedEvent> listener : eventListeners) {
            listener.accept(event);
        }
    }
}
