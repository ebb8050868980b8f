package dev.forcelink.rest.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.forcelink.core.ids.SalesforceId;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes {@link SObject} records as Salesforce JSON, with Jackson's streaming API (no
 * intermediate tree).
 *
 * <p><b>Reading.</b> An object holding {@code attributes} becomes an {@code SObject} (type from
 * {@code attributes.type}, the envelope itself dropped); an object shaped
 * {@code {"totalSize","done","records":[…]}} without {@code attributes} becomes
 * {@link RelatedRecords} (a child subquery); any other object becomes an unmodifiable
 * {@code Map} (compound fields such as addresses), an array an unmodifiable {@code List}, every
 * number a {@code BigDecimal}.
 *
 * <p><b>Writing.</b> Fields are written in the record's order; an explicit null is written as
 * {@code null}, a field that is not set is not written. A nested {@code SObject} (a parent
 * reference, say by external id) is written with {@code attributes.type}; {@code RelatedRecords}
 * as {@code {"records":[…]}}; datetimes ({@code Instant}, {@code OffsetDateTime},
 * {@code ZonedDateTime}) in Salesforce's form {@code 2024-01-31T10:00:00.000+0000} (UTC), dates
 * as {@code 2024-01-31}, times as {@code 10:00:00.000Z}, {@code byte[]} as base64, enums by name,
 * and any other object through the binding mapper ({@link RecordMapper}).
 *
 * <p>Stateless and thread-safe. Internal to Forcelink; the Composite and sObject Collections
 * clients reuse it.
 */
public final class SObjectCodec {
  private static final String ATTRIBUTES = "attributes";

  private SObjectCodec() {}

  // ------------------------------------------------------------------ reading

  /**
   * Reads one record; the parser must be on its {@code START_OBJECT} and is left on the matching
   * {@code END_OBJECT}.
   *
   * @param p the parser
   * @return the record (type null when the object has no {@code attributes})
   * @throws IOException on malformed JSON, or if the parser is not on an object
   */
  public static SObject readRecord(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new com.fasterxml.jackson.core.JsonParseException(p,
          "Expected a record (a JSON object), found " + p.currentToken());
    }
    Object v = readObject(p, true);
    return (SObject) v;
  }

  /**
   * Reads one record from bytes.
   *
   * @param json the record's JSON
   * @return the record
   * @throws IOException on malformed JSON or a value that is not an object
   */
  public static SObject readRecord(byte[] json) throws IOException {
    try (JsonParser p = RecordMapper.factory().createParser(json)) {
      p.nextToken();
      return readRecord(p);
    }
  }

  /**
   * Reads a JSON array of records; the parser must be on its {@code START_ARRAY} and is left on
   * the matching {@code END_ARRAY}. {@code null} entries are skipped.
   *
   * @param p the parser
   * @return the records, in order
   * @throws IOException on malformed JSON or an entry that is not an object
   */
  public static List<SObject> readRecords(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new com.fasterxml.jackson.core.JsonParseException(p,
          "Expected an array of records, found " + p.currentToken());
    }
    List<SObject> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      out.add(readRecord(p));
    }
    return out;
  }

  /**
   * Reads any JSON value in the record value model described on this class; the parser must be
   * on the value's first token and is left on its last.
   *
   * @param p the parser
   * @return the value
   * @throws IOException on malformed JSON
   */
  public static Object readValue(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end of input");
    }
    switch (t) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_OBJECT:
        return readObject(p, false);
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        return Collections.unmodifiableList(list);
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
    }
  }

  private static Object readObject(JsonParser p, boolean asRecord) throws IOException {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    String type = null;
    boolean hasAttributes = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if (ATTRIBUTES.equals(name)) {
        hasAttributes = true;
        if (t == JsonToken.START_OBJECT) {
          type = readType(p);
        } else {
          p.skipChildren();
        }
        continue;
      }
      fields.put(name, readValue(p));
    }
    if (hasAttributes || asRecord) {
      return SObjectAccess.wrap(type, fields);
    }
    RelatedRecords related = asRelated(fields);
    return related != null ? related : Collections.unmodifiableMap(fields);
  }

  private static String readType(JsonParser p) throws IOException {
    String type = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken t = p.nextToken();
      if ("type".equals(name) && t == JsonToken.VALUE_STRING) {
        type = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return type;
  }

  private static RelatedRecords asRelated(Map<String, Object> map) {
    Object records = map.get("records");
    Object done = map.get("done");
    Object total = map.get("totalSize");
    boolean fullShape = done instanceof Boolean && total instanceof BigDecimal;
    // {"records":[…]} alone is how a child result is written (Composite tree bodies).
    boolean recordsOnly = map.size() == 1;
    if (!(records instanceof List) || !(fullShape || recordsOnly)) {
      return null;
    }
    List<SObject> children = new ArrayList<>();
    for (Object o : (List<?>) records) {
      if (o instanceof SObject) {
        children.add((SObject) o);
      } else if (o instanceof Map) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        ((Map<?, ?>) o).forEach((k, v) -> copy.put(String.valueOf(k), v));
        children.add(SObjectAccess.wrap(null, copy));
      } else {
        return null;
      }
    }
    Object next = map.get("nextRecordsUrl");
    if (!fullShape) {
      return new RelatedRecords(children, children.size(), true, null);
    }
    return new RelatedRecords(children, ((BigDecimal) total).longValue(), (Boolean) done,
        next instanceof String ? (String) next : null);
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes a record as a JSON object: {@code attributes} (type only) when asked, then every set
   * field except those in {@code skip} (compared without case).
   *
   * @param g the generator
   * @param record the record
   * @param withAttributes whether to write {@code "attributes":{"type":…}} first (sObject
   *     Collections and Composite tree bodies need it; plain sObject writes do not)
   * @param skip field names to leave out, such as {@code Id} for a PATCH by id
   * @throws IOException if the generator fails
   * @throws IllegalArgumentException if a value cannot be written (the message names the field)
   */
  public static void writeRecord(JsonGenerator g, SObject record, boolean withAttributes, Set<String> skip)
      throws IOException {
    g.writeStartObject();
    if (withAttributes && record.type() != null) {
      g.writeObjectFieldStart(ATTRIBUTES);
      g.writeStringField("type", record.type());
      g.writeEndObject();
    }
    writeFields(g, record, skip);
    g.writeEndObject();
  }

  /**
   * Writes a record's fields as name/value pairs into the object the generator is in, so that
   * callers can add their own members (such as a Composite tree's {@code referenceId}).
   *
   * @param g the generator, inside an object
   * @param record the record
   * @param skip field names to leave out (compared without case)
   * @throws IOException if the generator fails
   * @throws IllegalArgumentException if a value cannot be written (the message names the field)
   */
  public static void writeFields(JsonGenerator g, SObject record, Set<String> skip) throws IOException {
    for (Map.Entry<String, Object> e : record.fields().entrySet()) {
      if (!skip.isEmpty() && containsIgnoreCase(skip, e.getKey())) {
        continue;
      }
      g.writeFieldName(e.getKey());
      try {
        writeValue(g, e.getValue());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("Field " + e.getKey() + " of "
            + (record.type() == null ? "the record" : record.type()) + ": " + bad.getMessage(), bad);
      }
    }
  }

  /**
   * Writes one field value as described on this class.
   *
   * @param g the generator
   * @param v the value
   * @throws IOException if the generator fails
   * @throws IllegalArgumentException for a {@code LocalDateTime} (it has no offset; pass an
   *     {@code Instant} or {@code OffsetDateTime}) or a value the binding mapper cannot write
   */
  public static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else if (v instanceof BigDecimal) {
      g.writeNumber((BigDecimal) v);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a number must be finite, got " + d);
      }
      g.writeNumber(d);
    } else if (v instanceof Number) {
      g.writeNumber(new BigDecimal(v.toString()));
    } else if (v instanceof SObject) {
      writeRecord(g, (SObject) v, true, Set.of());
    } else if (v instanceof RelatedRecords) {
      g.writeStartObject();
      g.writeArrayFieldStart("records");
      for (SObject child : ((RelatedRecords) v).records()) {
        writeRecord(g, child, true, Set.of());
      }
      g.writeEndArray();
      g.writeEndObject();
    } else if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
      g.writeString(SalesforceFormats.dateTime(v));
    } else if (v instanceof LocalDate) {
      g.writeString(v.toString());
    } else if (v instanceof LocalTime) {
      g.writeString(SalesforceFormats.time((LocalTime) v));
    } else if (v instanceof LocalDateTime) {
      throw new IllegalArgumentException("a LocalDateTime has no offset, so the instant it means is"
          + " unknown; pass an Instant, OffsetDateTime or ZonedDateTime");
    } else if (v instanceof SalesforceId) {
      g.writeString(((SalesforceId) v).to18());
    } else if (v instanceof Enum) {
      g.writeString(((Enum<?>) v).name());
    } else if (v instanceof byte[]) {
      g.writeString(Base64.getEncoder().encodeToString((byte[]) v));
    } else if (v instanceof Optional) {
      writeValue(g, ((Optional<?>) v).orElse(null));
    } else if (v instanceof Map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection) {
      g.writeStartArray();
      for (Object o : (Collection<?>) v) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else {
      try {
        RecordMapper.writer().writeValue(g, v);
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON: "
            + e.getOriginalMessage(), e);
      }
    }
  }

  /**
   * Writes a record as JSON bytes.
   *
   * @param record the record
   * @param withAttributes whether to write {@code attributes.type}
   * @param skip field names to leave out (compared without case)
   * @return UTF-8 JSON
   * @throws IllegalArgumentException if a value cannot be written
   */
  public static byte[] toJson(SObject record, boolean withAttributes, Set<String> skip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = RecordMapper.factory().createGenerator(out)) {
      writeRecord(g, record, withAttributes, skip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ binding

  /**
   * Binds a record to a user class or Java record through the binding mapper: field names match
   * properties without case, {@code attributes} and unknown fields are ignored, parent records
   * bind to nested objects, child subqueries to an object with a {@code records} list, datetimes
   * in Salesforce's form to {@code Instant}/{@code OffsetDateTime}.
   *
   * @param record the record
   * @param type the target class
   * @param <T> the target type
   * @return the bound object
   * @throws IllegalArgumentException if the record does not fit the class (the message says why)
   */
  public static <T> T bind(SObject record, Class<T> type) {
    if (type == SObject.class) {
      return type.cast(record);
    }
    try (TokenBuffer buffer = new TokenBuffer(RecordMapper.mapper(), false)) {
      writeRecord(buffer, record, true, Set.of());
      try (JsonParser p = buffer.asParser(RecordMapper.mapper())) {
        return RecordMapper.mapper().readValue(p, type);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot bind " + (record.type() == null ? "the record" : record.type())
          + " to " + type.getName() + ": " + RecordMapper.describe(e), e);
    }
  }

  /**
   * Reads the object the parser is on straight into the user's class (the typed query hot path).
   *
   * @param p the parser, on {@code START_OBJECT}
   * @param type the target class
   * @param <T> the target type
   * @return the bound object
   * @throws IOException if the JSON is malformed or does not fit the class
   */
  public static <T> T readAs(JsonParser p, Class<T> type) throws IOException {
    if (type == SObject.class) {
      return type.cast(readRecord(p));
    }
    return RecordMapper.mapper().readValue(p, type);
  }

  /**
   * Converts a user object (a POJO or Java record) into record fields, for writes. Properties
   * whose value is null are left out unless the property carries
   * {@code @JsonInclude(JsonInclude.Include.ALWAYS)} or its name is in {@code fieldsToNull};
   * names in {@code fieldsToNull} are written as explicit nulls even when the object has no
   * such property. An {@code attributes} property is dropped.
   *
   * @param type the sObject type for the result
   * @param pojo the object; an {@code SObject} or a {@code Map} is accepted as is
   * @param fieldsToNull fields to clear
   * @return the record
   * @throws IllegalArgumentException if the object cannot be converted (the message says why)
   */
  public static SObject fromObject(String type, Object pojo, Collection<String> fieldsToNull) {
    LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
    if (pojo instanceof SObject) {
      fields.putAll(((SObject) pojo).fields());
    } else if (pojo instanceof Map) {
      ((Map<?, ?>) pojo).forEach((k, v) -> fields.put(String.valueOf(k), v));
    } else {
      Map<String, Object> converted;
      try {
        converted = RecordMapper.pojoToMap(pojo);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Cannot write a " + pojo.getClass().getName() + " as "
            + type + " fields: " + e.getMessage(), e);
      }
      fields.putAll(converted);
    }
    fields.remove(ATTRIBUTES);
    for (String f : fieldsToNull) {
      String existing = fields.keySet().stream().filter(k -> k.equalsIgnoreCase(f)).findFirst().orElse(f);
      fields.put(existing, null);
    }
    return SObject.of(type, fields);
  }

  private static boolean containsIgnoreCase(Set<String> set, String name) {
    if (set.contains(name)) {
      return true;
    }
    for (String s : set) {
      if (s.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
