package dev.forcelink.testkit.internal.pubsub.server;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;

/**
 * Replay ids of this emulator: the event's sequence number in its topic as 8 bytes big-endian, as Salesforce's
 * Pub/Sub API examples pack them. Clients must treat them as opaque. Stateless.
 */
final class ReplayIds {

    static final int LENGTH = Long.BYTES;

    private ReplayIds() {
    }

    static ByteString of(long sequence) {
        return ByteString.copyFrom(ByteBuffer.allocate(LENGTH).putLong(sequence).array());
    }

    /** @return the sequence number, or -1 if the bytes are not a replay id of this emulator */
    static long sequenceOf(ByteString replayId) {
        if (replayId.size() != LENGTH) {
            return -1;
        }
        long sequence = replayId.asReadOnlyByteBuffer().getLong();
        return sequence < 0 ? -1 : sequence;
    }
}
