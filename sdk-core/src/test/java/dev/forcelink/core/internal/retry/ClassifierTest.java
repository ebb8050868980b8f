package dev.forcelink.core.internal.retry;

import static dev.forcelink.core.internal.retry.RetryAction.FAIL;
import static dev.forcelink.core.internal.retry.RetryAction.QUOTA_FAIL;
import static dev.forcelink.core.internal.retry.RetryAction.REFRESH_ONCE;
import static dev.forcelink.core.internal.retry.RetryAction.RETRY;
import static dev.forcelink.core.internal.retry.RetryAction.RETRY_ONCE;
import static dev.forcelink.core.internal.retry.RetryAction.RETRY_THROTTLED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forcelink.core.internal.error.ErrorBodyParser;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per Salesforce failure signal that reaches the HTTP pipeline, with the action it is classified as. */
class ClassifierTest {

  static Stream<Arguments> responses() {
    return Stream.of(
        row("503 SERVER_UNAVAILABLE", 503, err("SERVER_UNAVAILABLE", "Server Unavailable"), RETRY),
        row("503 with no body (maintenance page)", 503, "", RETRY),
        row("502 bad gateway", 502, "<html>Bad Gateway</html>", RETRY),
        row("504 gateway timeout", 504, "", RETRY),
        row("SERVER_UNAVAILABLE under another status", 500, err("SERVER_UNAVAILABLE", "x"), RETRY),
        row("500 UNKNOWN_EXCEPTION", 500, err("UNKNOWN_EXCEPTION", "An unexpected error occurred."), RETRY_ONCE),
        row("500 unknown body", 500, "oops", RETRY_ONCE),
        row("UNABLE_TO_LOCK_ROW 400", 400, err("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), RETRY_THROTTLED),
        row("UNABLE_TO_LOCK_ROW 500", 500, err("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access"), RETRY_THROTTLED),
        row("UNABLE_TO_LOCK_ROW record level", 400,
            "{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\",\"message\":\"x\",\"fields\":[]}]}",
            RETRY_THROTTLED),
        row("UNABLE_TO_LOCK_ROW inside a flow error", 400,
            err("CANNOT_EXECUTE_FLOW_TRIGGER", "The flow failed: UNABLE_TO_LOCK_ROW, unable to obtain"), RETRY_THROTTLED),
        row("403 ConcurrentRequests", 403, err("REQUEST_LIMIT_EXCEEDED", "ConcurrentRequests Limit exceeded."), RETRY_THROTTLED),
        row("403 ConcurrentPerOrgLongTxn", 403, err("REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded."),
            RETRY_THROTTLED),
        row("403 TotalRequests", 403, err("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."), QUOTA_FAIL),
        row("401 INVALID_SESSION_ID", 401, err("INVALID_SESSION_ID", "Session expired or invalid"), REFRESH_ONCE),
        row("401 empty body", 401, "", REFRESH_ONCE),
        row("401 unparseable body", 401, "<html>Unauthorized</html>", REFRESH_ONCE),
        row("401 Bulk InvalidSessionId", 401, err("InvalidSessionId", "Invalid session id"), REFRESH_ONCE),
        row("401 another code", 401, err("INVALID_AUTH_HEADER", "INVALID_HEADER_TYPE"), FAIL),
        row("OAuth invalid_grant", 400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}", FAIL),
        row("OAuth error on 401", 401, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client\"}", FAIL),
        row("400 QUERY_TIMEOUT", 400, err("QUERY_TIMEOUT", "Your query request was running for too long."), FAIL),
        row("400 MALFORMED_QUERY", 400, err("MALFORMED_QUERY", "unexpected token"), FAIL),
        row("400 INVALID_FIELD", 400, err("INVALID_FIELD", "No such column"), FAIL),
        row("400 INVALID_QUERY_LOCATOR", 400, err("INVALID_QUERY_LOCATOR", "invalid query locator"), FAIL),
        row("403 access", 403, err("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access"), FAIL),
        row("403 API_DISABLED_FOR_ORG", 403, err("API_DISABLED_FOR_ORG", "API is not enabled"), FAIL),
        row("404 NOT_FOUND", 404, err("NOT_FOUND", "The requested resource does not exist"), FAIL),
        row("405", 405, err("METHOD_NOT_ALLOWED", "HTTP Method 'PUT' not allowed."), FAIL),
        row("409 Bulk version mismatch", 409, err("InvalidJobState", "wrong version"), FAIL),
        row("412 precondition", 412, "", FAIL),
        row("414 URI too long", 414, "", FAIL),
        row("431 headers too large", 431, "", FAIL),
        row("420 edge routing", 420, "", FAIL),
        row("300 multiple choices", 300, "[\"/services/data/v65.0/sobjects/Account/001\"]", FAIL),
        row("Bulk ExceededQuota", 400, err("ExceededQuota", "quota"), FAIL),
        row("TXN_SECURITY policy block", 400, err("TXN_SECURITY_NO_ACCESS", "blocked"), FAIL));
  }

  private static Arguments row(String name, int status, String body, RetryAction expected) {
    return Arguments.of(name, status, body, expected);
  }

  private static String err(String code, String message) {
    return "[{\"message\":\"" + message + "\",\"errorCode\":\"" + code + "\",\"fields\":[]}]";
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("responses")
  void classifiesResponses(String name, int status, String body, RetryAction expected) {
    assertThat(Classifier.classify(status, ErrorBodyParser.parse(body.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(expected);
  }

  static Stream<Arguments> transport() {
    return Stream.of(
        Arguments.of(new ConnectException("Connection refused"), RETRY, true, false),
        Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"), RETRY, true, true),
        Arguments.of(new HttpTimeoutException("request timed out"), RETRY, false, true),
        Arguments.of(new IOException("Connection reset"), RETRY, false, false),
        Arguments.of(new IOException("HTTP/1.1 header parser received no bytes"), RETRY, false, false),
        Arguments.of(new EOFException("EOF reached while reading"), RETRY, false, false),
        Arguments.of(new UnknownHostException("nowhere.invalid"), FAIL, true, false),
        Arguments.of(new IllegalStateException("bug"), FAIL, false, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("transport")
  void classifiesTransportFailures(Throwable failure, RetryAction action, boolean unsent, boolean timeout) {
    TransportFailure tf = Classifier.classifyTransport(failure);
    assertThat(tf.action()).isEqualTo(action);
    assertThat(tf.provablyUnsent()).isEqualTo(unsent);
    assertThat(tf.timeout()).isEqualTo(timeout);
    assertThat(tf.reason()).isNotBlank();
  }
}
