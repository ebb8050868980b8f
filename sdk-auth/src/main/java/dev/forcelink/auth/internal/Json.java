package dev.forcelink.auth.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON reading for OAuth responses, with a nesting limit of 500 so that a hostile body cannot
 * exhaust the stack. Thread-safe.
 */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build())
          .build())
      .build();

  private Json() {}

  /**
   * Parses a JSON object.
   *
   * @param body the text
   * @return the object, or empty when the text is not one complete JSON object
   */
  public static Optional<ObjectNode> parseObject(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node instanceof ObjectNode ? Optional.of((ObjectNode) node) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Returns a text field, or null when absent, null or empty. Numbers and booleans are returned in
   * their JSON text form.
   *
   * @param node the object
   * @param field the field name
   * @return the text, or null
   */
  public static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  /**
   * Converts an object into plain, unmodifiable Java values: {@code String}, {@code Boolean},
   * {@code Long}, {@code java.math.BigInteger}, {@code Double}, {@code java.math.BigDecimal},
   * {@code List}, {@code Map} and null.
   *
   * @param node the object
   * @return an unmodifiable map preserving the field order
   */
  public static Map<String, Object> toPlainMap(ObjectNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      map.put(field.getKey(), toPlain(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object toPlain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      return toPlainMap((ObjectNode) node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> list.add(toPlain(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isFloatingPointNumber()) {
      return node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue();
    }
    return node.asText();
  }
}
