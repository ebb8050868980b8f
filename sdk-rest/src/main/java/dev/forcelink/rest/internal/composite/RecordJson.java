package dev.forcelink.rest.internal.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts records between {@link SObject} and JSON trees in the shapes the Composite and
 * Collections resources use. Values that only a composite body can carry (references such as
 * {@code @{NewAccount.id}}) are turned into text by a caller-supplied hook, so this class needs no
 * knowledge of the composite types. Stateless and thread-safe.
 */
public final class RecordJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Salesforce's datetime form, such as {@code 2024-01-31T10:00:00.000+0000}. */
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

  private RecordJson() {}

  /**
   * Renders a record's fields as a JSON object.
   *
   * @param record the record
   * @param withType whether to add {@code "attributes":{"type":…}} first
   * @param special turns values this class does not know (references) into JSON, or returns null
   * @return the object node
   * @throws IllegalArgumentException if a field holds a value that has no JSON form
   */
  public static ObjectNode write(SObject record, boolean withType, Function<Object, JsonNode> special) {
    ObjectNode node = NODES.objectNode();
    if (withType && record.type() != null) {
      node.putObject("attributes").put("type", record.type());
    }
    for (Map.Entry<String, Object> field : record.fields().entrySet()) {
      node.set(field.getKey(), value(field.getValue(), record.type() + "." + field.getKey(), special));
    }
    return node;
  }

  /**
   * Renders one field value.
   *
   * @param value the value
   * @param where the field it belongs to, for error messages
   * @param special turns values this class does not know into JSON, or returns null
   * @return the JSON value
   * @throws IllegalArgumentException if the value has no JSON form
   */
  public static JsonNode value(Object value, String where, Function<Object, JsonNode> special) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) value);
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      return NODES.numberNode(new BigDecimal(value.toString()));
    }
    if (value instanceof LocalDate) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof LocalTime) {
      return NODES.textNode(((LocalTime) value).format(TIME));
    }
    if (value instanceof Instant) {
      return NODES.textNode(((Instant) value).atOffset(ZoneOffset.UTC).format(DATE_TIME));
    }
    if (value instanceof OffsetDateTime) {
      return NODES.textNode(((OffsetDateTime) value).format(DATE_TIME));
    }
    if (value instanceof ZonedDateTime) {
      return NODES.textNode(((ZonedDateTime) value).toOffsetDateTime().format(DATE_TIME));
    }
    if (value instanceof Enum) {
      return NODES.textNode(((Enum<?>) value).name());
    }
    if (value instanceof SObject) {
      return write((SObject) value, true, special);
    }
    if (value instanceof RelatedRecords) {
      ObjectNode children = NODES.objectNode();
      ArrayNode records = children.putArray("records");
      for (SObject child : ((RelatedRecords) value).records()) {
        records.add(write(child, true, special));
      }
      return children;
    }
    if (value instanceof Map) {
      ObjectNode map = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        String key = String.valueOf(e.getKey());
        map.set(key, value(e.getValue(), where + "." + key, special));
      }
      return map;
    }
    if (value instanceof Collection) {
      ArrayNode array = NODES.arrayNode();
      int i = 0;
      for (Object item : (Collection<?>) value) {
        array.add(value(item, where + "[" + i++ + "]", special));
      }
      return array;
    }
    JsonNode custom = special.apply(value);
    if (custom != null) {
      return custom;
    }
    throw new IllegalArgumentException("Field " + where + " holds a " + value.getClass().getName()
        + ", which has no JSON form; use String, Boolean, a Number, a java.time date or time, an SObject,"
        + " a Map or a List");
  }

  /**
   * Reads a record from a JSON object, taking the type from {@code attributes.type}.
   *
   * @param node the object
   * @return the record
   */
  public static SObject read(JsonNode node) {
    JsonNode attributes = node.get("attributes");
    String type = attributes != null && attributes.hasNonNull("type") ? attributes.get("type").asText() : null;
    Map<String, Object> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!"attributes".equals(e.getKey())) {
        fields.put(e.getKey(), readValue(e.getValue()));
      }
    }
    return SObject.of(type, fields);
  }

  /**
   * Tells whether a node looks like a record (an object with {@code attributes}).
   *
   * @param node the node
   * @return true for a record
   */
  public static boolean isRecord(JsonNode node) {
    return node != null && node.isObject() && node.has("attributes");
  }

  /**
   * Tells whether a node looks like a query result or child relationship.
   *
   * @param node the node
   * @return true for {@code {"totalSize","done","records"}}
   */
  public static boolean isQueryResult(JsonNode node) {
    return node != null && node.isObject() && node.has("records") && node.has("done");
  }

  /**
   * Reads a query result or child relationship.
   *
   * @param node an object with {@code records}, {@code totalSize}, {@code done}
   * @return the records
   */
  public static RelatedRecords readQueryResult(JsonNode node) {
    List<SObject> records = new ArrayList<>();
    for (JsonNode r : node.path("records")) {
      if (r.isObject()) {
        records.add(read(r));
      }
    }
    JsonNode next = node.get("nextRecordsUrl");
    return new RelatedRecords(records, node.path("totalSize").asLong(records.size()),
        node.path("done").asBoolean(true), next == null || next.isNull() ? null : next.asText());
  }

  private static Object readValue(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (isRecord(v)) {
      return read(v);
    }
    if (isQueryResult(v)) {
      return readQueryResult(v);
    }
    if (v.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      v.fields().forEachRemaining(e -> map.put(e.getKey(), readValue(e.getValue())));
      return java.util.Collections.unmodifiableMap(map);
    }
    List<Object> list = new ArrayList<>();
    v.forEach(item -> list.add(readValue(item)));
    return java.util.Collections.unmodifiableList(list);
  }
}
