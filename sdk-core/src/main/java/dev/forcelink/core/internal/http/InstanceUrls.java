package dev.forcelink.core.internal.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The HTTPS-only rule for instance URLs: {@code https} always; plain {@code http} only to a
 * loopback host (127.0.0.0/8, ::1, {@code localhost}) or with the explicit opt-in. Internal to
 * Forcelink.
 */
public final class InstanceUrls {
  private InstanceUrls() {}

  /**
   * Checks an instance URL.
   *
   * @param url the URL
   * @param allowInsecureHttp the connection's opt-in for plain http to non-loopback hosts
   * @return the URL
   * @throws IllegalArgumentException if the URL is not absolute http(s) with a host, or is plain
   *     http to a non-loopback host without the opt-in; the message says how to opt in
   */
  public static URI check(URI url, boolean allowInsecureHttp) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "Instance URL must be an absolute https URL such as https://acme.my.salesforce.com, got '"
              + url.getScheme() + "://" + url.getHost() + "'");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
      throw new IllegalArgumentException(
          "Refusing plain http to " + url.getHost() + ": the bearer token would travel unencrypted."
              + " Use https, or, for a test server you control, opt in with"
              + " SalesforceConnection.builder().allowInsecureHttp(true)");
    }
    return url;
  }

  /**
   * Tells whether a host is loopback, without any DNS lookup.
   *
   * @param host a host name or IP literal (IPv6 in brackets or not)
   * @return true for {@code localhost}, 127.0.0.0/8 and ::1
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    boolean ipv4Literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6Literal = h.indexOf(':') >= 0;
    if (!ipv4Literal && !ipv6Literal) {
      return false;
    }
    try {
      // For a literal, getByName parses without a lookup.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Tells whether two URLs name the same origin (scheme, host and effective port).
   *
   * @param a one URL
   * @param b another URL
   * @return true for the same origin
   */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
