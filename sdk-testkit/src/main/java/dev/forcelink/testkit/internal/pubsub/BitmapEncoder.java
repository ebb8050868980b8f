package dev.forcelink.testkit.internal.pubsub;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * Encodes a set of field paths into the bitmap form of the CDC header fields
 * {@code changedFields}, {@code nulledFields} and {@code diffFields}, as Pub/Sub sends them.
 *
 * <p>Element 0 is the top-level bitmap: {@code "0x"} and the uppercase hex of Σ2<sup>i</sup> over
 * the positions i of the fields in the whole event schema, in whole bytes. Each compound field with
 * only some of its parts set follows as {@code "{parentPos}-0x{hex}"}, the hex being the bitmap of
 * the parts' positions in the compound record, in ascending parent order. A compound field with all
 * its parts set is marked by its top-level bit alone.
 *
 * <p>A compound field with some parts set does <em>not</em> get its top-level bit: decoders (the
 * Pub/Sub examples' and ours) read every top-level bit as the whole field, and a whole compound
 * means all of its parts, so setting it would turn "FirstName changed" into "Name and FirstName
 * changed". Salesforce's documentation also describes the first element as the bitmap of the
 * non-compound fields.
 *
 * <p>Stateless and thread-safe.
 */
public final class BitmapEncoder {
  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  private BitmapEncoder() {}

  /**
   * Encodes field paths against an event schema.
   *
   * @param eventSchema the whole event schema (with {@code ChangeEventHeader} at position 0)
   * @param paths field names ({@code Phone}, {@code BillingAddress}) and compound parts
   *     ({@code Name.FirstName}, {@code BillingAddress.City})
   * @return the bitmap strings; empty when {@code paths} is empty
   * @throws IllegalArgumentException if a path names a field that the schema does not have, or a
   *     part of a field that is not compound
   */
  public static List<String> encode(Schema eventSchema, Collection<String> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    BitSet topLevel = new BitSet();
    Map<Integer, BitSet> partsByParent = new TreeMap<>();
    for (String path : paths) {
      int dot = path.indexOf('.');
      Schema.Field field = field(eventSchema, dot < 0 ? path : path.substring(0, dot), path);
      if (dot < 0) {
        topLevel.set(field.pos());
      } else {
        Schema.Field part = field(compoundRecord(field, path), path.substring(dot + 1), path);
        partsByParent.computeIfAbsent(field.pos(), k -> new BitSet()).set(part.pos());
      }
    }
    List<String> partEntries = new ArrayList<>();
    for (Map.Entry<Integer, BitSet> entry : partsByParent.entrySet()) {
      int parentPos = entry.getKey();
      int partCount = compoundRecord(eventSchema.getFields().get(parentPos), "").getFields().size();
      if (entry.getValue().cardinality() == partCount) {
        topLevel.set(parentPos);
      } else if (!topLevel.get(parentPos)) {
        partEntries.add(parentPos + "-" + hex(entry.getValue()));
      }
    }
    List<String> bitmap = new ArrayList<>(1 + partEntries.size());
    bitmap.add(hex(topLevel));
    bitmap.addAll(partEntries);
    return List.copyOf(bitmap);
  }

  private static Schema.Field field(Schema record, String name, String path) {
    Schema.Field field = record.getField(name);
    if (field == null) {
      throw new IllegalArgumentException(
          "Field path " + path + ": " + record.getName() + " has no field " + name);
    }
    return field;
  }

  private static Schema compoundRecord(Schema.Field field, String path) {
    Schema schema = field.schema();
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() == Schema.Type.RECORD) {
          return branch;
        }
      }
    } else if (schema.getType() == Schema.Type.RECORD) {
      return schema;
    }
    throw new IllegalArgumentException("Field path " + path + ": " + field.name() + " is not a compound field");
  }

  /** Big-endian hex of the bit set, in whole bytes; {@code 0x00} when no bit is set. */
  private static String hex(BitSet bits) {
    byte[] littleEndian = bits.toByteArray();
    if (littleEndian.length == 0) {
      return "0x00";
    }
    byte[] bigEndian = new byte[littleEndian.length];
    for (int i = 0; i < littleEndian.length; i++) {
      bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
    }
    return "0x" + UPPER_HEX.formatHex(bigEndian);
  }
}
