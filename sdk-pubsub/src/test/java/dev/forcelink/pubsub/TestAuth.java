package dev.forcelink.pubsub;

import dev.forcelink.core.Secret;
import dev.forcelink.core.auth.AccessToken;
import dev.forcelink.core.auth.AuthProvider;
import dev.forcelink.core.exception.AuthenticationException;
import dev.forcelink.core.exception.SalesforceServiceException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An auth provider handing out a fixed sequence of tokens; records every refresh. */
final class TestAuth implements AuthProvider {
  static final String ORG_15 = "00D5e000000AbCd";
  static final URI INSTANCE = URI.create("https://acme.my.salesforce.com");

  private final List<String> values;
  private boolean withOrgId = true;
  private int index;
  final List<AccessToken> rejected = new CopyOnWriteArrayList<>();

  TestAuth(String... values) {
    this.values = List.of(values);
  }

  /** Tokens that carry no org id (an opaque value and no identity URL). */
  static TestAuth withoutOrgId(String value) {
    TestAuth auth = new TestAuth(value);
    auth.withOrgId = false;
    return auth;
  }

  static AccessToken token(String value) {
    return AccessToken.builder().value(Secret.of(value)).instanceUrl(INSTANCE).organizationId(ORG_15).build();
  }

  private AccessToken tokenFor(String value) {
    return withOrgId ? token(value) : AccessToken.builder().value(Secret.of(value)).instanceUrl(INSTANCE).build();
  }

  synchronized String currentValue() {
    return values.get(index);
  }

  @Override
  public synchronized AccessToken token() {
    return tokenFor(values.get(index));
  }

  @Override
  public synchronized AccessToken refresh(AccessToken rejectedToken) {
    rejected.add(rejectedToken);
    if (!rejectedToken.value().reveal().equals(values.get(index))) {
      return token();
    }
    if (index + 1 >= values.size()) {
      throw new AuthenticationException(SalesforceServiceException.Details.builder().statusCode(401)
          .summary("no more test tokens"));
    }
    index++;
    return token();
  }
}
