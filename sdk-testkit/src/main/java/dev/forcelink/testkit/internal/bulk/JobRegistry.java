package dev.forcelink.testkit.internal.bulk;

import dev.forcelink.testkit.internal.org.SalesforceIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The org's Bulk jobs by id, with {@code 750…} ids. Thread-safe.
 */
final class JobRegistry {

    private final SalesforceIds ids = new SalesforceIds("5g", 1);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** Fills in a new job's id and sequence number. */
    void assignId(Job.Fields fields) {
        fields.id = ids.next("750");
        fields.sequence = sequence.incrementAndGet();
    }

    void add(Job job) {
        jobs.put(job.id(), job);
    }

    /**
     * @param id a 15- or 18-character job id
     * @param type the kind of job wanted
     * @return the job
     * @throws BulkException 404 {@code NOT_FOUND} if there is no such job of that kind
     */
    <T extends Job> T require(String id, Class<T> type) {
        Job job = id != null && SalesforceIds.isValid(id) ? jobs.get(SalesforceIds.to18(id)) : null;
        if (!type.isInstance(job)) {
            throw BulkException.notFound();
        }
        return type.cast(job);
    }

    void remove(Job job) {
        jobs.remove(job.id(), job);
    }

    /** @return the jobs that pass the filter, oldest first */
    List<Job> list(Predicate<Job> filter) {
        List<Job> result = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (filter.test(job)) {
                result.add(job);
            }
        }
        result.sort(Comparator.comparingLong(Job::sequence));
        return result;
    }

    /** @return every job, removing them all */
    List<Job> drain() {
        List<Job> all = new ArrayList<>(jobs.values());
        jobs.clear();
        return all;
    }
}
