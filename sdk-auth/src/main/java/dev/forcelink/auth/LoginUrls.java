package dev.forcelink.auth;

import java.net.URI;

/**
 * Salesforce's login URLs. Flows accept any of these, an org's My Domain URL (such as
 * {@code https://acme.my.salesforce.com}), or an Experience Cloud site URL (such as
 * {@code https://acme.my.site.com/customers}).
 *
 * <p>Constants only; thread-safe.
 */
public final class LoginUrls {
  /** Production and Developer Edition orgs: {@code https://login.salesforce.com}. */
  public static final URI PRODUCTION = URI.create("https://login.salesforce.com");
  /** Sandboxes: {@code https://test.salesforce.com}. */
  public static final URI SANDBOX = URI.create("https://test.salesforce.com");

  private LoginUrls() {}

  /**
   * Tells whether {@code url} is one of the generic login hosts ({@code login.salesforce.com} or
   * {@code test.salesforce.com}) rather than an org's own domain.
   *
   * @param url a URL
   * @return true for the generic login hosts
   */
  public static boolean isGenericLoginHost(URI url) {
    String host = url.getHost();
    return host != null
        && (host.equalsIgnoreCase(PRODUCTION.getHost()) || host.equalsIgnoreCase(SANDBOX.getHost()));
  }
}
