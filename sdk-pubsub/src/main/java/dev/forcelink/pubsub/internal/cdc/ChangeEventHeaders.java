package dev.forcelink.pubsub.internal.cdc;

import dev.forcelink.core.exception.ResponseDecodeException;
import dev.forcelink.pubsub.cdc.ChangeEventHeader;
import dev.forcelink.pubsub.cdc.ChangeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the {@code ChangeEventHeader} of a decoded change event into a {@link ChangeEventHeader},
 * decoding its bitmap fields against the event's own (writer) schema.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChangeEventHeaders {
  /** The name of the header field in every change event schema. */
  public static final String HEADER_FIELD = "ChangeEventHeader";

  private ChangeEventHeaders() {}

  /**
   * Decodes the header of a change event.
   *
   * @param event a change event decoded with its writer schema
   * @return the header with decoded and raw bitmap fields
   * @throws ResponseDecodeException if the event has no {@code ChangeEventHeader} record, a header
   *     field is missing or has the wrong type, the change type is unknown, or a bitmap cannot be
   *     decoded against the event's schema
   */
  public static ChangeEventHeader decode(GenericRecord event) {
    Schema schema = event.getSchema();
    if (schema.getField(HEADER_FIELD) == null || !(event.get(HEADER_FIELD) instanceof GenericRecord header)) {
      throw new ResponseDecodeException("Event " + schema.getName() + " has no " + HEADER_FIELD
          + " record: it is not a change event", null, null);
    }
    HeaderReader reader = new HeaderReader(schema.getName(), header);
    // Read in the documented field order, so that the first missing field is the one reported.
    ChangeEventHeader.Builder builder = ChangeEventHeader.builder()
        .entityName(reader.string("entityName"))
        .recordIds(reader.strings("recordIds"))
        .changeType(reader.changeType())
        .changeOrigin(reader.string("changeOrigin"))
        .transactionKey(reader.string("transactionKey"))
        .sequenceNumber(reader.number("sequenceNumber").intValue())
        .commitTimestamp(Instant.ofEpochMilli(reader.number("commitTimestamp").longValue()))
        .commitNumber(reader.number("commitNumber").longValue())
        .commitUser(reader.string("commitUser"));
    List<String> rawNulled = reader.strings("nulledFields");
    List<String> rawDiff = reader.strings("diffFields");
    List<String> rawChanged = reader.strings("changedFields");
    return builder
        .nulledFields(BitmapDecoder.decode(schema, "nulledFields", rawNulled))
        .diffFields(BitmapDecoder.decode(schema, "diffFields", rawDiff))
        .changedFields(BitmapDecoder.decode(schema, "changedFields", rawChanged))
        .rawNulledFields(rawNulled)
        .rawDiffFields(rawDiff)
        .rawChangedFields(rawChanged)
        .build();
  }

  /** Typed access to header fields, with errors that name the event and the field. */
  private record HeaderReader(String eventName, GenericRecord header) {

    Object value(String field) {
      if (header.getSchema().getField(field) == null) {
        throw error(field, "the field is missing");
      }
      return header.get(field);
    }

    /** A string field; null reads as empty, as Salesforce leaves changeOrigin empty for non-API changes. */
    String string(String field) {
      Object value = value(field);
      if (value == null) {
        return "";
      }
      if (!(value instanceof CharSequence text)) {
        throw error(field, "expected a string, found " + value.getClass().getSimpleName());
      }
      return text.toString();
    }

    List<String> strings(String field) {
      Object value = value(field);
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw error(field, "expected an array of strings, found " + value.getClass().getSimpleName());
      }
      List<String> strings = new ArrayList<>(list.size());
      for (Object element : list) {
        if (!(element instanceof CharSequence text)) {
          throw error(field, "expected an array of strings, found an element of type "
              + (element == null ? "null" : element.getClass().getSimpleName()));
        }
        strings.add(text.toString());
      }
      return strings;
    }

    Number number(String field) {
      Object value = value(field);
      if (!(value instanceof Number number)) {
        throw error(field, "expected a number, found " + (value == null ? "null" : value.getClass().getSimpleName()));
      }
      return number;
    }

    /** The enum symbol (GenericEnumSymbol, or a string in schemas that declare it so) as a ChangeType. */
    ChangeType changeType() {
      Object value = value("changeType");
      String symbol = value == null ? "" : value.toString();
      try {
        return ChangeType.valueOf(symbol);
      } catch (IllegalArgumentException e) {
        throw error("changeType", "\"" + symbol + "\" is not a known change type", e);
      }
    }

    ResponseDecodeException error(String field, String problem) {
      return error(field, problem, null);
    }

    ResponseDecodeException error(String field, String problem, Throwable cause) {
      return new ResponseDecodeException(
          "Cannot decode " + HEADER_FIELD + "." + field + " of " + eventName + ": " + problem, cause, null);
    }
  }
}
