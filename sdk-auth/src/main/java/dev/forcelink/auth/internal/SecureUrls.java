package dev.forcelink.auth.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The URL policy of every OAuth call: HTTPS only, except for loopback hosts (where the emulator and
 * test servers run) or when the caller explicitly allows plain HTTP.
 */
public final class SecureUrls {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private SecureUrls() {}

  /**
   * Checks that {@code url} is an absolute HTTP(S) URL with a host, and HTTPS unless it is a
   * loopback address or {@code allowInsecureHttp} is set.
   *
   * @param url the URL to check
   * @param allowInsecureHttp whether plain HTTP is allowed to any host
   * @param what what the URL is, for the error message (such as {@code "loginUrl"})
   * @return {@code url}
   * @throws NullPointerException if {@code url} is null
   * @throws IllegalArgumentException if the URL is not absolute, has no host, carries user info,
   *     or uses plain HTTP where it is not allowed
   */
  public static URI requireSecure(URI url, boolean allowInsecureHttp, String what) {
    Objects.requireNonNull(url, what);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(what + " must be an absolute https:// URL with a host, such as"
          + " https://login.salesforce.com; got " + safeForm(url));
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " must not carry user info (credentials) in the URL");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(url.getHost())) {
      throw new IllegalArgumentException(what + " uses plain HTTP (" + safeForm(url) + "): credentials and"
          + " tokens would travel unencrypted. Use https://, or call allowInsecureHttp(true) for a"
          + " test server that is not on a loopback address");
    }
    return url;
  }

  /**
   * Tells whether {@code host} names the local machine without a DNS look-up: {@code localhost},
   * an address in 127.0.0.0/8, or {@code ::1}.
   *
   * @param host a host as found in a URI (IPv6 literals in brackets)
   * @return true for a loopback host
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || IPV4_LOOPBACK.matcher(h).matches()
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * Appends an endpoint path to a base URL, keeping any path of the base (an Experience site such
   * as {@code https://acme.my.site.com/customers}) and dropping its query and fragment.
   *
   * @param base the login, My Domain or instance URL
   * @param path the endpoint path, starting with {@code /}
   * @return the endpoint URL
   */
  public static URI endpoint(URI base, String path) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    while (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    String authority = base.getRawAuthority();
    return URI.create(base.getScheme() + "://" + authority + basePath + path);
  }

  /** Scheme, host, port and path only: never a query, which might hold a secret. */
  static String safeForm(URI url) {
    StringBuilder sb = new StringBuilder();
    if (url.getScheme() != null) {
      sb.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      sb.append(url.getHost());
    }
    if (url.getPort() != -1) {
      sb.append(':').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      sb.append(url.getRawPath());
    }
    return sb.toString();
  }
}
