package dev.forcelink.pubsub.internal.cdc;

import dev.forcelink.core.exception.ResponseDecodeException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Decodes the bitmap form of the CDC header fields {@code changedFields}, {@code nulledFields} and
 * {@code diffFields} into field names, as the Pub/Sub API documentation and its examples define it.
 *
 * <ul>
 *   <li>Element 0, when it starts with {@code 0x}, is the top-level bitmap: hex digits in whole
 *       bytes, read as one unsigned big-endian number; bit i set means field i of the <em>whole
 *       event schema</em> ({@code ChangeEventHeader} is field 0).
 *   <li>An element {@code "{parentPos}-0x{hex}"} is a compound entry: bit j set means part j of the
 *       record type of top-level field {@code parentPos} (after unwrapping the unions
 *       {@code [null, X]}, {@code [string, X]} and {@code [null, string, X]}), emitted as
 *       {@code Parent.Part}; when every part is set, the single name {@code Parent} is emitted.
 *   <li>A list whose first element is neither (field names, as CometD sends them) is returned
 *       unchanged.
 * </ul>
 *
 * <p>Names come out in order (top-level bits ascending, then each compound entry in list order),
 * without duplicates.
 *
 * <p>Stateless and thread-safe.
 */
public final class BitmapDecoder {
  private static final String HEX_PREFIX = "0x";
  private static final int MAX_EXCERPT = 80;

  private BitmapDecoder() {}

  /**
   * Decodes one bitmap field.
   *
   * @param eventSchema the writer schema of the whole event
   * @param headerField the header field being decoded, such as {@code changedFields}; used in error
   *     messages
   * @param values the field's strings as the event carried them
   * @return the field names, unmodifiable; empty when {@code values} is empty
   * @throws ResponseDecodeException if a bitmap has an odd number of hex digits or a character that
   *     is not a hex digit, sets a bit beyond the fields of the schema or of a compound record, or a
   *     compound entry names a position that is not a field or a field that is not a record
   */
  public static List<String> decode(Schema eventSchema, String headerField, List<? extends CharSequence> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    String first = values.get(0).toString();
    if (!first.startsWith(HEX_PREFIX) && !isCompoundEntry(first)) {
      return values.stream().map(CharSequence::toString).toList();
    }
    Context context = new Context(eventSchema, headerField);
    Set<String> names = new LinkedHashSet<>();
    int next = 0;
    if (first.startsWith(HEX_PREFIX)) {
      List<Schema.Field> fields = eventSchema.getFields();
      for (int bit : bits(first, first, context)) {
        if (bit >= fields.size()) {
          throw context.error(first, "bit " + bit + " is set but " + eventSchema.getName() + " has only "
              + fields.size() + " fields; decode the event with the schema named by its schema id");
        }
        names.add(fields.get(bit).name());
      }
      next = 1;
    }
    // The Pub/Sub Java example expands compound entries only when the LAST element contains '-'.
    // Every element after the top-level bitmap is expanded here instead: on the lists that example
    // handles the result is the same, and an entry is never left behind as an undecoded string.
    for (int i = next; i < values.size(); i++) {
      expandCompound(values.get(i).toString(), context, names);
    }
    return List.copyOf(new ArrayList<>(names));
  }

  private static void expandCompound(String entry, Context context, Set<String> names) {
    int dash = entry.indexOf('-');
    if (dash < 0 || !entry.startsWith(HEX_PREFIX, dash + 1)) {
      throw context.error(entry, "expected a compound entry {position}-0x{hex} after the top-level bitmap");
    }
    String position = entry.substring(0, dash);
    List<Schema.Field> fields = context.eventSchema.getFields();
    int parentPos = parsePosition(position, fields.size());
    if (parentPos < 0) {
      throw context.error(entry, "position " + position + " is not a field of " + context.eventSchema.getName()
          + ", which has " + fields.size() + " fields; decode the event with the schema named by its schema id");
    }
    Schema.Field parent = fields.get(parentPos);
    Schema record = recordOf(parent.schema());
    if (record == null) {
      throw context.error(entry, "field " + parentPos + " (" + parent.name() + ") of "
          + context.eventSchema.getName() + " is not a compound field");
    }
    List<Schema.Field> parts = record.getFields();
    List<String> partNames = new ArrayList<>();
    for (int bit : bits(entry.substring(dash + 1), entry, context)) {
      if (bit >= parts.size()) {
        throw context.error(entry, "bit " + bit + " is set but compound field " + parent.name() + " has only "
            + parts.size() + " fields");
      }
      partNames.add(parent.name() + "." + parts.get(bit).name());
    }
    if (!partNames.isEmpty() && partNames.size() == parts.size()) {
      names.add(parent.name());
    } else {
      names.addAll(partNames);
    }
  }

  /** The set bits of {@code 0x…}, ascending; bit i is {@code (value >> i) & 1} of the big-endian number. */
  private static List<Integer> bits(String hex, String element, Context context) {
    int digits = hex.length() - HEX_PREFIX.length();
    if (digits % 2 != 0) {
      throw context.error(element, "odd number of hex digits (" + digits + "); bitmaps are whole bytes");
    }
    List<Integer> bits = new ArrayList<>();
    for (int k = 0; k < digits; k++) {
      char c = hex.charAt(hex.length() - 1 - k);
      int nibble = Character.digit(c, 16);
      if (nibble < 0) {
        throw context.error(element, "'" + c + "' is not a hex digit");
      }
      for (int b = 0; b < 4; b++) {
        if ((nibble & (1 << b)) != 0) {
          bits.add(4 * k + b);
        }
      }
    }
    return bits;
  }

  /** The field position, or -1 when it is not a decimal index below {@code fieldCount}. */
  private static int parsePosition(String position, int fieldCount) {
    if (position.isEmpty() || position.length() > 9 || !position.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int pos = Integer.parseInt(position);
    return pos < fieldCount ? pos : -1;
  }

  /** The record of a compound field: the schema itself, or the record in [null,X], [string,X], [null,string,X]. */
  private static Schema recordOf(Schema schema) {
    Schema value = schema;
    if (schema.getType() == Schema.Type.UNION) {
      List<Schema> types = schema.getTypes();
      Schema.Type head = types.get(0).getType();
      if (types.size() == 2 && (head == Schema.Type.NULL || head == Schema.Type.STRING)) {
        value = types.get(1);
      } else if (types.size() == 3 && head == Schema.Type.NULL && types.get(1).getType() == Schema.Type.STRING) {
        value = types.get(2);
      }
    }
    return value.getType() == Schema.Type.RECORD ? value : null;
  }

  private static boolean isCompoundEntry(String value) {
    int dash = value.indexOf('-');
    return dash > 0 && value.startsWith(HEX_PREFIX, dash + 1)
        && value.substring(0, dash).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private record Context(Schema eventSchema, String headerField) {
    ResponseDecodeException error(String element, String problem) {
      return new ResponseDecodeException("Cannot decode ChangeEventHeader." + headerField + " of "
          + eventSchema.getName() + ": \"" + excerpt(element) + "\": " + problem, null, null);
    }

    private static String excerpt(String element) {
      return element.length() <= MAX_EXCERPT ? element : element.substring(0, MAX_EXCERPT) + "…";
    }
  }
}
