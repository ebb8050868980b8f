package dev.forcelink.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.forcelink.rest.internal.json.RecordMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes a query page ({@code {"totalSize","done","nextRecordsUrl","records":[…]}}) with
 * Jackson's streaming parser straight into records: no tree per page. Stateless.
 */
final class PageDecoder {
  private PageDecoder() {}

  static <T> QueryPage<T> decode(byte[] body, QueryPage.RecordReader<T> reader, QueryOptions options)
      throws IOException {
    long totalSize = -1;
    boolean done = true;
    boolean sawDone = false;
    String next = null;
    List<T> records = null;
    try (JsonParser p = RecordMapper.factory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a query page is a JSON object with totalSize, done and records");
      }
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken t = p.nextToken();
        switch (name) {
          case "totalSize":
            totalSize = p.getLongValue();
            break;
          case "done":
            done = p.getBooleanValue();
            sawDone = true;
            break;
          case "nextRecordsUrl":
            next = t == JsonToken.VALUE_NULL ? null : p.getText();
            break;
          case "records":
            if (t == JsonToken.START_ARRAY) {
              records = new ArrayList<>();
              while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_NULL) {
                  records.add(reader.read(p));
                }
              }
            } else {
              p.skipChildren();
            }
            break;
          default:
            p.skipChildren();
        }
      }
    }
    if (records == null || !sawDone) {
      throw new IOException("a query page needs \"done\" and a \"records\" array");
    }
    if (!done && next == null) {
      throw new IOException("the page says more records remain (done=false) but has no nextRecordsUrl");
    }
    return new QueryPage<>(Collections.unmodifiableList(records), totalSize < 0 ? records.size() : totalSize, done,
        next, reader, options);
  }
}
