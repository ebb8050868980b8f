package dev.forcelink.testkit;

import dev.forcelink.testkit.internal.fault.Journal;
import dev.forcelink.testkit.internal.fault.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The requests the emulator received, oldest first, so a test can check what its client really sent (a single
 * token request during a concurrent refresh, a retry after a 503, …). Keeps the most recent entries only.
 *
 * <p>Thread-safe.
 */
public final class RequestJournal {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-sfdc-session");
    private static final Set<String> SECRET_PARAMETERS = Set.of("token", "access_token", "refresh_token", "password",
            "client_secret", "assertion", "code", "code_verifier");

    private final Journal journal;

    RequestJournal(Journal journal) {
        this.journal = journal;
    }

    /** @return the recorded requests, oldest first */
    public List<RecordedRequest> list() {
        List<JournalEntry> entries = journal.entries();
        List<RecordedRequest> result = new ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            result.add(toRecorded(entry));
        }
        return result;
    }

    /** @return how many requests are recorded */
    public int count() {
        return journal.entries().size();
    }

    /**
     * Counts requests by method and path prefix.
     *
     * @param method a method such as {@code POST}, any case, or {@code null} for any
     * @param pathPrefix the start of the decoded path, e.g. {@code /services/oauth2/token}
     * @return how many recorded requests match
     */
    public int countOf(String method, String pathPrefix) {
        int count = 0;
        for (JournalEntry entry : journal.entries()) {
            if ((method == null || entry.method().equalsIgnoreCase(method)) && entry.path().startsWith(pathPrefix)) {
                count++;
            }
        }
        return count;
    }

    /** Forgets every recorded request. */
    public void reset() {
        journal.clear();
    }

    private static RecordedRequest toRecorded(JournalEntry entry) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        entry.headers().forEach((name, values) -> headers.put(name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? List.of(RecordedRequest.REDACTED) : values));
        return new RecordedRequest(entry.receivedAt(), entry.requestId(), entry.method().toUpperCase(Locale.ROOT),
                entry.path(), redactQuery(entry.rawQuery()), headers, entry.status(), entry.fault(),
                entry.injectedDelay());
    }

    private static String redactQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (out.length() > 0) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(eq >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))
                    ? name + "=" + RecordedRequest.REDACTED : pair);
        }
        return out.toString();
    }
}
