package dev.forcelink.core.internal.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.exception.SalesforceError;
import dev.forcelink.core.internal.json.Json;
import dev.forcelink.core.internal.log.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads error bodies in every shape Salesforce uses: the REST array envelope
 * {@code [{"message","errorCode","fields"}]} (also Bulk 2.0's), a single error object, record-level
 * results ({@code {"success":false,"errors":[{"statusCode",...}]}}), OAuth errors
 * ({@code {"error","error_description"}}) and the 300 list of matching records. Anything else (an
 * HTML page from a proxy, an empty or truncated body) yields no errors but a bounded excerpt, so
 * the exception message still says what came back. Never throws.
 *
 * <p>Stateless and thread-safe. Internal to Forcelink; sdk-rest and sdk-bulk reuse it.
 */
public final class ErrorBodyParser {
  /** The longest excerpt kept from a body. */
  public static final int MAX_EXCERPT = 500;

  private ErrorBodyParser() {}

  /**
   * Parses an error body.
   *
   * @param body the body bytes (already bounded by the caller); null is an empty body
   * @return what was found; never null
   */
  public static ErrorBody parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new ErrorBody(List.of(), "", false, List.of());
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String excerpt = Redaction.excerpt(text, MAX_EXCERPT);
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (Exception notJson) {
      // HTML, plain text, truncated JSON or a nesting bomb: keep the excerpt only.
      return new ErrorBody(List.of(), excerpt, false, List.of());
    }
    if (root == null) {
      return new ErrorBody(List.of(), excerpt, false, List.of());
    }
    List<SalesforceError> errors = new ArrayList<>();
    List<String> choices = new ArrayList<>();
    boolean oauth = false;
    if (root.isArray()) {
      for (JsonNode item : root) {
        if (item.isTextual()) {
          choices.add(item.asText());
        } else if (item.isObject()) {
          SalesforceError e = errorOf(item);
          if (e != null) {
            errors.add(e);
          } else {
            String choice = choiceOf(item);
            if (choice != null) {
              choices.add(choice);
            }
          }
        }
      }
    } else if (root.isObject()) {
      if (root.hasNonNull("error") && root.get("error").isTextual()) {
        oauth = true;
        errors.add(new SalesforceError(root.get("error").asText(),
            text(root, "error_description"), List.of()));
      } else if (root.has("errors") && root.get("errors").isArray()) {
        for (JsonNode item : root.get("errors")) {
          SalesforceError e = item.isObject() ? errorOf(item) : null;
          if (e != null) {
            errors.add(e);
          }
        }
      } else {
        SalesforceError e = errorOf(root);
        if (e != null) {
          errors.add(e);
        }
      }
    }
    return new ErrorBody(errors, excerpt, oauth, choices);
  }

  private static SalesforceError errorOf(JsonNode node) {
    String code = text(node, "errorCode");
    if (code.isEmpty()) {
      code = text(node, "statusCode");
    }
    if (code.isEmpty()) {
      code = text(node, "exceptionCode");
    }
    String message = text(node, "message");
    if (message.isEmpty()) {
      message = text(node, "exceptionMessage");
    }
    if (code.isEmpty() && message.isEmpty()) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    JsonNode f = node.get("fields");
    if (f != null && f.isArray()) {
      f.forEach(x -> {
        if (x.isValueNode()) {
          fields.add(Redaction.excerpt(x.asText(), 200));
        }
      });
    }
    return new SalesforceError(code.isEmpty() ? "UNKNOWN" : Redaction.excerpt(code, 100),
        Redaction.excerpt(message, MAX_EXCERPT), fields);
  }

  /** A 300 entry given as an object: keep its record URL or id. */
  private static String choiceOf(JsonNode node) {
    JsonNode attrs = node.get("attributes");
    if (attrs != null && attrs.hasNonNull("url")) {
      return attrs.get("url").asText();
    }
    for (String key : new String[] {"url", "Id", "id"}) {
      if (node.hasNonNull(key) && node.get(key).isValueNode()) {
        return node.get(key).asText();
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? "" : v.asText();
  }
}
