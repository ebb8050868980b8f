package dev.forcelink.pubsub.internal.avro;

import dev.forcelink.core.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * Converts between Avro generic values and plain Java values: {@code String}, {@code Integer},
 * {@code Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code byte[]}, {@code List}, {@code
 * Map<String, Object>} and null.
 *
 * <p>Towards Avro it follows the schema's types, the way Salesforce encodes fields: a date into an
 * {@code int} field becomes days since the epoch, a date-time into a {@code long} field becomes epoch
 * milliseconds (from {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Date} or
 * ISO text), and a nullable union takes null or the first branch the value fits. Missing fields take
 * the schema's default or null when nullable; unknown names are an error, so a typo does not vanish.
 *
 * <p>Stateless and thread-safe.
 */
public final class AvroValues {
  private AvroValues() {}

  /**
   * Converts a record to a map of plain Java values, in schema field order.
   *
   * @param record the record
   * @return a new mutable map
   */
  public static Map<String, Object> toPlainMap(GenericRecord record) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) toPlain(record, record.getSchema());
    return map;
  }

  private static Object toPlain(Object value, Schema schema) {
    if (value == null) {
      return null;
    }
    switch (schema.getType()) {
      case UNION:
        return toPlain(value, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)));
      case RECORD: {
        GenericRecord record = (GenericRecord) value;
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field f : record.getSchema().getFields()) {
          map.put(f.name(), toPlain(record.get(f.pos()), f.schema()));
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (Object item : (Collection<?>) value) {
          list.add(toPlain(item, schema.getElementType()));
        }
        return list;
      }
      case MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.put(e.getKey().toString(), toPlain(e.getValue(), schema.getValueType()));
        }
        return map;
      }
      case STRING:
      case ENUM:
        return value.toString();
      case BYTES: {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      }
      case FIXED:
        return ((GenericFixed) value).bytes().clone();
      default:
        return value;
    }
  }

  /**
   * Builds a record of {@code schema} from a map of field names to Java values.
   *
   * @param values the field values
   * @param schema a record schema
   * @return the record
   * @throws IllegalArgumentException naming the field, if a value does not fit its field, a required
   *     field is missing or a name is not a field of the schema
   */
  public static GenericRecord fromPlainMap(Map<?, ?> values, Schema schema) {
    return (GenericRecord) fromPlain(values, schema, "");
  }

  private static Object fromPlain(Object value, Schema schema, String path) {
    switch (schema.getType()) {
      case UNION:
        return union(value, schema, path);
      case NULL:
        if (value != null) {
          throw mismatch(path, "null", value);
        }
        return null;
      default:
        break;
    }
    if (value == null) {
      throw new IllegalArgumentException(label(path) + " is required (Avro " + schema.getType().getName()
          + ", not nullable) but is null");
    }
    switch (schema.getType()) {
      case RECORD:
        return record(value, schema, path);
      case STRING:
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
          return value.toString();
        }
        if (value instanceof Enum<?> e) {
          return e.name();
        }
        throw mismatch(path, "string", value);
      case INT:
        return toInt(value, schema, path);
      case LONG:
        return toLong(value, path);
      case FLOAT:
        if (value instanceof Number n) {
          return n.floatValue();
        }
        throw mismatch(path, "float", value);
      case DOUBLE:
        if (value instanceof Number n) {
          return n.doubleValue();
        }
        throw mismatch(path, "double", value);
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        throw mismatch(path, "boolean", value);
      case BYTES:
        if (value instanceof byte[] bytes) {
          return ByteBuffer.wrap(bytes.clone());
        }
        if (value instanceof ByteBuffer buffer) {
          return buffer;
        }
        throw mismatch(path, "bytes", value);
      case FIXED:
        if (value instanceof byte[] bytes && bytes.length == schema.getFixedSize()) {
          return new GenericData.Fixed(schema, bytes.clone());
        }
        throw mismatch(path, "fixed(" + schema.getFixedSize() + ")", value);
      case ENUM: {
        String symbol = value instanceof Enum<?> e ? e.name() : value.toString();
        if (!(value instanceof CharSequence || value instanceof Enum<?>) || !schema.hasEnumSymbol(symbol)) {
          throw new IllegalArgumentException(label(path) + " must be one of " + schema.getEnumSymbols()
              + ", got " + describe(value));
        }
        return new GenericData.EnumSymbol(schema, symbol);
      }
      case ARRAY: {
        Collection<?> items = value instanceof Collection<?> c ? c
            : value instanceof Object[] a ? List.of(a) : null;
        if (items == null) {
          throw mismatch(path, "array", value);
        }
        GenericData.Array<Object> array = new GenericData.Array<>(items.size(), schema);
        int i = 0;
        for (Object item : items) {
          array.add(fromPlain(item, schema.getElementType(), path + "[" + i++ + "]"));
        }
        return array;
      }
      case MAP: {
        if (!(value instanceof Map<?, ?> map)) {
          throw mismatch(path, "map", value);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.put(String.valueOf(e.getKey()), fromPlain(e.getValue(), schema.getValueType(), path + "." + e.getKey()));
        }
        return out;
      }
      default:
        throw new IllegalArgumentException(label(path) + " has an unsupported Avro type " + schema.getType());
    }
  }

  private static Object union(Object value, Schema schema, String path) {
    if (value == null) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() == Schema.Type.NULL) {
          return null;
        }
      }
      throw new IllegalArgumentException(label(path) + " is required (union " + schema.getTypes()
          + " has no null branch) but is null");
    }
    IllegalArgumentException last = null;
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        continue;
      }
      try {
        return fromPlain(value, branch, path);
      } catch (IllegalArgumentException e) {
        last = e;
      }
    }
    throw last != null ? last : mismatch(path, schema.toString(), value);
  }

  private static GenericRecord record(Object value, Schema schema, String path) {
    if (value instanceof GenericRecord r) {
      if (r.getSchema().equals(schema)) {
        return r;
      }
      value = toPlainMap(r);
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw mismatch(path, "record " + schema.getName(), value);
    }
    for (Object key : map.keySet()) {
      if (schema.getField(String.valueOf(key)) == null) {
        throw new IllegalArgumentException(label(path.isEmpty() ? String.valueOf(key) : path + "." + key)
            + " is not a field of " + schema.getFullName());
      }
    }
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      if (map.containsKey(field.name())) {
        record.put(field.pos(), fromPlain(map.get(field.name()), field.schema(), fieldPath));
      } else if (field.hasDefaultValue()) {
        record.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
      } else {
        record.put(field.pos(), fromPlain(null, field.schema(), fieldPath));
      }
    }
    return record;
  }

  private static Integer toInt(Object value, Schema schema, String path) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).intValue();
    }
    if (value instanceof LocalDate d) {
      return Math.toIntExact(d.toEpochDay());
    }
    if (value instanceof CharSequence text && isDate(schema)) {
      try {
        return Math.toIntExact(LocalDate.parse(text).toEpochDay());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(label(path) + " is a date; expected yyyy-MM-dd, got '" + text + "'", e);
      }
    }
    if (value instanceof CharSequence text) {
      try {
        return Math.toIntExact(LocalDate.parse(text).toEpochDay());
      } catch (DateTimeParseException e) {
        throw mismatch(path, "int", value);
      }
    }
    if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
      try {
        return new BigDecimal(value.toString()).intValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(label(path) + " does not fit an Avro int: " + value, e);
      }
    }
    throw mismatch(path, "int", value);
  }

  private static Long toLong(Object value, String path) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant().toEpochMilli();
    }
    if (value instanceof ZonedDateTime t) {
      return t.toInstant().toEpochMilli();
    }
    if (value instanceof Date d) {
      return d.getTime();
    }
    if (value instanceof CharSequence text) {
      try {
        return Json.parseInstant(text.toString()).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(label(path) + " is an Avro long; text must be an ISO-8601 date-time, got '"
            + text + "'", e);
      }
    }
    if (value instanceof BigInteger || value instanceof BigDecimal) {
      try {
        return new BigDecimal(value.toString()).longValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(label(path) + " does not fit an Avro long: " + value, e);
      }
    }
    throw mismatch(path, "long", value);
  }

  private static boolean isDate(Schema schema) {
    return "date".equals(schema.getProp("logicalType"));
  }

  private static IllegalArgumentException mismatch(String path, String expected, Object value) {
    return new IllegalArgumentException(label(path) + " must be an Avro " + expected + ", got " + describe(value));
  }

  private static String label(String path) {
    return path.isEmpty() ? "The event" : "Field '" + path + "'";
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
