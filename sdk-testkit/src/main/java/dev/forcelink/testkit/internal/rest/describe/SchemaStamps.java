package dev.forcelink.testkit.internal.rest.describe;

import dev.forcelink.testkit.internal.org.OrgSchema;
import dev.forcelink.testkit.internal.org.SObjectDef;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each object's definition last changed, for describe's {@code Last-Modified} and
 * {@code If-Modified-Since}. The schema replaces a definition whenever it changes, so a definition instance not
 * seen before means a change, stamped with the time it is first seen (objects present at start-up carry the
 * start time).
 *
 * <p>Thread-safe.
 */
final class SchemaStamps {

    private final Clock clock;
    private final Instant started;
    private final Map<String, Stamp> stamps = new ConcurrentHashMap<>();

    SchemaStamps(Clock clock, OrgSchema schema) {
        this.clock = clock;
        this.started = clock.instant();
        for (SObjectDef def : schema.objects()) {
            stamps.put(def.name(), new Stamp(def, started));
        }
    }

    Instant lastModified(SObjectDef def) {
        return stamps.compute(def.name(), (name, stamp) -> stamp != null && stamp.def() == def ? stamp
                : new Stamp(def, clock.instant())).at();
    }

    Instant lastModified(Iterable<SObjectDef> defs) {
        Instant latest = started;
        for (SObjectDef def : defs) {
            Instant at = lastModified(def);
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
        return latest;
    }

    private record Stamp(SObjectDef def, Instant at) {
    }
}
