package dev.forcelink.rest;

import static dev.forcelink.rest.EmulatorRest.DATA;
import static dev.forcelink.rest.EmulatorRest.LEGACY_CODE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.http.SalesforceRequest;
import dev.forcelink.core.testing.LogCapture;
import dev.forcelink.core.testing.SecretAssertions;
import dev.forcelink.testkit.EmulatorExtension;
import dev.forcelink.testkit.RequestMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With every logger at TRACE, a run of REST calls (successes, retries after faults, an expired
 * session, and failures of each kind) leaves the access tokens in no log line, no exception and no
 * {@code toString}.
 */
class SecretLeakEmulatorTest {
  @RegisterExtension
  static final EmulatorExtension ORG = EmulatorRest.extension();

  @RegisterExtension
  final LogCapture logs = new LogCapture();

  private final List<Throwable> thrown = new ArrayList<>();

  private void expectFailure(Supplier<?> call) {
    try {
      call.get();
    } catch (RuntimeException e) {
      thrown.add(e);
      return;
    }
    throw new AssertionError("The call was expected to fail");
  }

  @Test
  void noAccessTokenReachesALogLineAnExceptionOrAToString() {
    List<Object> shown = new ArrayList<>();
    try (EmulatorRest e2e = new EmulatorRest(ORG.emulator())) {
      RestClient rest = e2e.rest;
      String id = rest.create(SObject.builder("Account").set("Name", "Secretive").build()).id();
      rest.retrieve("Account", id, "Name");
      rest.update(SObject.builder("Account").id(id).set("Phone", "1").build());
      rest.upsert("Account", "External_ERP_Id__c", "SECRET-1", SObject.builder("Account").set("Name", "U").build());
      for (int i = 0; i < 3; i++) {
        rest.create(SObject.builder("Account").set("Name", "Twin " + i).set(LEGACY_CODE, "SAME").build());
      }
      e2e.emulator.faults().next(1, RequestMatcher.pathStartsWith(DATA + "/query"))
          .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");
      e2e.emulator.faults().next(1, RequestMatcher.pathStartsWith(DATA + "/sobjects/Account/")).dropConnection();
      try (QueryResult<SObject> result = rest.query("SELECT Id, Name FROM Account")) {
        result.forEach(r -> { });
        shown.add(result);
      }
      rest.retrieve("Account", id);
      e2e.emulator.expireAllTokens();
      rest.describe("Account");
      rest.uiApi().createRecord("Account", Map.of("Name", "Ui secret"));
      shown.add(rest.raw(SalesforceRequest.builder().get().path(DATA + "/limits").build()));

      expectFailure(() -> rest.retrieve("Account", "001000000000000AAA"));
      expectFailure(() -> rest.query("SELECT Nope FROM Account"));
      expectFailure(() -> rest.upsert("Account", LEGACY_CODE, "SAME", SObject.builder("Account").build()));
      expectFailure(() -> rest.create(SObject.builder("Account").set("Phone", "1").build()));
      expectFailure(() -> rest.rawJson("GET", DATA + "/nothing", null));
      expectFailure(() -> rest.async().retrieve("Account", "001000000000000AAA").join());
      e2e.emulator.faults().next(5, RequestMatcher.pathStartsWith(DATA + "/limits"))
          .respondError(503, "SERVER_UNAVAILABLE", "Server Unavailable");
      expectFailure(rest::limits);
      // Rejected again after the one refresh: the call fails.
      e2e.emulator.faults().next(2, RequestMatcher.any()).respondError(401, "INVALID_SESSION_ID",
          "Session expired or invalid");
      expectFailure(() -> rest.retrieve("Account", id));

      shown.add(rest);
      shown.add(e2e.connection);
      shown.add(e2e.connection.authProvider());
      SecretAssertions secrets = SecretAssertions.planted(e2e.tokens.toArray(new String[0]));
      assertThat(e2e.tokens).hasSizeGreaterThanOrEqualTo(2);
      assertThat(thrown).hasSize(8);
      assertThat(logs.lines()).isNotEmpty();
      secrets.assertNotIn(logs);
      thrown.forEach(t -> secrets.assertNotIn(t instanceof CompletionException ? t.getCause() : t));
      thrown.forEach(secrets::assertNotIn);
      secrets.assertNotInToString(shown.toArray());
      e2e.emulator.requests().list().forEach(r -> secrets.assertNotInToString(r, r.headers()));
    }
  }
}
