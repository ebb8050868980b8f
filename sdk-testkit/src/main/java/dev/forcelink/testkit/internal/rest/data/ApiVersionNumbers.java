package dev.forcelink.testkit.internal.rest.data;

/** Compares API version strings such as {@code 60.0}. Stateless. */
public final class ApiVersionNumbers {

    private ApiVersionNumbers() {
    }

    /**
     * @param apiVersion a version such as {@code 60.0}
     * @param major the lowest major version wanted
     * @return whether the version's major number is at least {@code major}
     */
    public static boolean atLeast(String apiVersion, int major) {
        return major(apiVersion) >= major;
    }

    /**
     * @param apiVersion a version such as {@code 60.0}
     * @return its major number, or 0 when it has none
     */
    public static int major(String apiVersion) {
        if (apiVersion == null) {
            return 0;
        }
        int dot = apiVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? apiVersion : apiVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
