package dev.forcelink.rest.internal.composite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.forcelink.core.internal.json.Json;
import dev.forcelink.rest.RelatedRecords;
import dev.forcelink.rest.SObject;
import dev.forcelink.rest.internal.json.RecordMapper;
import dev.forcelink.rest.internal.json.SObjectCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Bridges the composite clients to the shared record codec ({@link SObjectCodec}): writes bodies
 * as JSON text with a generator, and reads records and query pages out of the response trees the
 * composite resources nest them in. Stateless and thread-safe.
 */
public final class RecordJson {
  private RecordJson() {}

  /** Writes JSON to a generator. */
  @FunctionalInterface
  public interface Writer {
    /**
     * Writes one JSON value.
     *
     * @param g the generator
     * @throws IOException if the generator fails
     */
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Renders one JSON value as text.
   *
   * @param writer writes the value
   * @return the JSON text
   * @throws IllegalArgumentException if a record value has no JSON form (the message names it)
   */
  public static String json(Writer writer) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = RecordMapper.factory().createGenerator(out)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a request body", e);
    }
    return out.toString();
  }

  /**
   * Reads a record out of a response tree.
   *
   * @param node an object with {@code attributes}
   * @return the record
   */
  public static SObject read(JsonNode node) {
    try (JsonParser p = Json.mapper().treeAsTokens(node)) {
      p.nextToken();
      return SObjectCodec.readRecord(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a record from a tree", e);
    }
  }

  /**
   * Reads a query page out of a response tree.
   *
   * @param node an object with {@code records}, {@code totalSize}, {@code done}
   * @return the records
   */
  public static RelatedRecords readQueryResult(JsonNode node) {
    try (JsonParser p = Json.mapper().treeAsTokens(node)) {
      p.nextToken();
      Object value = SObjectCodec.readValue(p);
      if (value instanceof RelatedRecords) {
        return (RelatedRecords) value;
      }
      throw new IllegalArgumentException("Not a query result");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a query result from a tree", e);
    }
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
   * Tells whether a node looks like a query result.
   *
   * @param node the node
   * @return true for {@code {"totalSize","done","records"}}
   */
  public static boolean isQueryResult(JsonNode node) {
    return node != null && node.isObject() && node.has("records") && node.has("done") && node.has("totalSize")
        && !node.has("attributes");
  }
}
