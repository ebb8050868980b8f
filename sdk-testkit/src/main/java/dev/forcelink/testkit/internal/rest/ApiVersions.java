package dev.forcelink.testkit.internal.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API versions the emulator serves, 31.0 to 65.0, with their release labels (three releases a year:
 * version 32.0 is Winter '15). Stateless.
 */
public final class ApiVersions {

    /** The oldest version served. */
    public static final int OLDEST = 31;
    /** The newest version served, also what {@code latest} means. */
    public static final int NEWEST = 65;

    private static final String[] SEASONS = {"Winter", "Spring", "Summer"};

    private ApiVersions() {
    }

    /**
     * Resolves a path segment such as {@code v60.0} or {@code latest}.
     *
     * @param segment the segment after {@code /services/data/}
     * @return the version number text ({@code 60.0}), or {@code null} if not served
     */
    public static String resolve(String segment) {
        if (segment == null) {
            return null;
        }
        if (segment.equals("latest")) {
            return NEWEST + ".0";
        }
        if (segment.length() < 5 || segment.charAt(0) != 'v' || !segment.endsWith(".0")) {
            return null;
        }
        String major = segment.substring(1, segment.length() - 2);
        if (major.length() != 2 || !Character.isDigit(major.charAt(0)) || !Character.isDigit(major.charAt(1))) {
            return null;
        }
        int number = Integer.parseInt(major);
        return number >= OLDEST && number <= NEWEST ? number + ".0" : null;
    }

    /**
     * @param major a major version such as 60
     * @return its release label, e.g. {@code Spring '24}
     */
    public static String label(int major) {
        int sinceWinter15 = major - 32;
        int season = Math.floorMod(sinceWinter15, 3);
        int year = 15 + Math.floorDiv(sinceWinter15, 3);
        return SEASONS[season] + " '" + String.format("%02d", year);
    }

    /** @return the versions list body of {@code GET /services/data/}, oldest first */
    public static List<Map<String, String>> list() {
        List<Map<String, String>> versions = new ArrayList<>();
        for (int major = OLDEST; major <= NEWEST; major++) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("label", label(major));
            entry.put("url", "/services/data/v" + major + ".0");
            entry.put("version", major + ".0");
            versions.add(Collections.unmodifiableMap(entry));
        }
        return Collections.unmodifiableList(versions);
    }
}
