package dev.forcelink.testkit.internal.pubsub.server;

import dev.forcelink.pubsub.internal.proto.ConsumerEvent;
import dev.forcelink.pubsub.internal.proto.ProducerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The append-only event log of one topic, bounded by a count and by a retention window on the emulator's clock.
 * Each event gets the next sequence number (from 1) and is stored as the ready-to-send {@link ConsumerEvent}, so
 * delivery does no encoding.
 *
 * <p>Thread-safe. Readers are told of new events through wake-up callbacks, run on the appending thread outside the
 * log's lock: they must be quick.
 */
final class EventLog {

    private final int capacity;
    private final long retentionMillis;
    private final List<Runnable> wakeups = new CopyOnWriteArrayList<>();
    private ConsumerEvent[] ring = new ConsumerEvent[16];
    private long[] publishedAt = new long[16];
    private int head;
    private int size;
    private long firstSequence = 1;

    EventLog(int capacity, long retentionMillis) {
        this.capacity = capacity;
        this.retentionMillis = retentionMillis;
    }

    /**
     * Appends an event.
     *
     * @param event the event as published
     * @param nowMillis the emulator's time
     * @return the stored event with its replay id
     */
    ConsumerEvent append(ProducerEvent event, long nowMillis) {
        ConsumerEvent stored;
        synchronized (this) {
            expire(nowMillis);
            if (size == capacity) {
                dropOldest();
            } else if (size == ring.length) {
                grow();
            }
            long sequence = firstSequence + size;
            stored = ConsumerEvent.newBuilder().setEvent(event).setReplayId(ReplayIds.of(sequence)).build();
            int slot = (head + size) % ring.length;
            ring[slot] = stored;
            publishedAt[slot] = nowMillis;
            size++;
        }
        for (Runnable wakeup : wakeups) {
            wakeup.run();
        }
        return stored;
    }

    /**
     * Reads events in order.
     *
     * @param fromSequence the first sequence wanted; older ones no longer retained are skipped
     * @param maxEvents the most events
     * @param maxBytes the most payload bytes (at least one event is returned when one is available)
     * @param nowMillis the emulator's time
     * @return the events, possibly empty
     */
    synchronized List<ConsumerEvent> read(long fromSequence, int maxEvents, int maxBytes, long nowMillis) {
        expire(nowMillis);
        long start = Math.max(fromSequence, firstSequence);
        long end = firstSequence + size;
        List<ConsumerEvent> events = new ArrayList<>((int) Math.min(maxEvents, Math.max(0, end - start)));
        int bytes = 0;
        for (long sequence = start; sequence < end && events.size() < maxEvents; sequence++) {
            ConsumerEvent event = ring[(int) ((head + sequence - firstSequence) % ring.length)];
            bytes += event.getEvent().getPayload().size();
            if (bytes > maxBytes && !events.isEmpty()) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /** @return the sequence number of the oldest retained event (one past the newest when none is retained) */
    synchronized long firstSequence(long nowMillis) {
        expire(nowMillis);
        return firstSequence;
    }

    /** @return the sequence number of the newest event, 0 before the first */
    synchronized long lastSequence() {
        return firstSequence + size - 1;
    }

    /** Drops every retained event, as if all had passed the retention window. */
    synchronized void expireAll() {
        while (size > 0) {
            dropOldest();
        }
    }

    Runnable addWakeup(Runnable wakeup) {
        wakeups.add(wakeup);
        return () -> wakeups.remove(wakeup);
    }

    private void expire(long nowMillis) {
        long cutoff = nowMillis - retentionMillis;
        while (size > 0 && publishedAt[head] < cutoff) {
            dropOldest();
        }
    }

    private void dropOldest() {
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
        firstSequence++;
    }

    private void grow() {
        int length = (int) Math.min((long) ring.length * 2, capacity);
        ConsumerEvent[] events = new ConsumerEvent[length];
        long[] times = new long[length];
        for (int i = 0; i < size; i++) {
            events[i] = ring[(head + i) % ring.length];
            times[i] = publishedAt[(head + i) % ring.length];
        }
        ring = events;
        publishedAt = times;
        head = 0;
    }
}
