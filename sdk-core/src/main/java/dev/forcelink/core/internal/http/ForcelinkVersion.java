package dev.forcelink.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running Forcelink version, for the {@code User-Agent} header. Internal to Forcelink. */
public final class ForcelinkVersion {
  private static final String VERSION = load();

  private ForcelinkVersion() {}

  /**
   * Returns the version of sdk-core on the class path.
   *
   * @return such as {@code 0.1.0}, or {@code dev} when run from classes outside a jar
   */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    // Maven writes pom.properties into every jar it builds.
    try (InputStream in = ForcelinkVersion.class.getResourceAsStream(
        "/META-INF/maven/dev.forcelink/sdk-core/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v.trim();
        }
      }
    } catch (IOException ignored) {
      // fall through to the manifest
    }
    String v = ForcelinkVersion.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }
}
