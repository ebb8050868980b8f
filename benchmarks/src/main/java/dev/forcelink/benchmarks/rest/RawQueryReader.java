package dev.forcelink.benchmarks.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The baseline: a bare {@code java.net.http} client (HTTP/1.1) and a Jackson streaming parser that
 * reads {@code /query} page by page, following {@code nextRecordsUrl}. Every scalar value of every
 * record is read as text (so values are decoded, as a client must), nothing is kept. With
 * {@code gzip} it sends {@code Accept-Encoding: gzip} and inflates, as Forcelink always does.
 *
 * <p>Not thread-safe.
 */
final class RawQueryReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI instance;
  private final String token;
  private final String apiVersion;
  private final boolean gzip;

  RawQueryReader(URI instance, String token, String apiVersion, boolean gzip) {
    this.instance = instance;
    this.token = token;
    this.apiVersion = apiVersion;
    this.gzip = gzip;
  }

  /**
   * Reads the whole result.
   *
   * @param soql the query
   * @param perRecord called with each record's Id
   * @return how many records were read
   */
  long read(String soql, java.util.function.Consumer<String> perRecord) {
    String next = "/services/data/v" + apiVersion + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    long count = 0;
    while (next != null) {
      HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(next))
          .header("Authorization", "Bearer " + token)
          .header("Accept", "application/json");
      if (gzip) {
        request.header("Accept-Encoding", "gzip");
      }
      try {
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode() + " for " + next);
        }
        boolean inflate = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
        try (InputStream body = inflate ? new GZIPInputStream(response.body(), 8192) : response.body();
            JsonParser parser = JSON.createParser(body)) {
          Page page = readPage(parser, perRecord);
          count += page.records;
          next = page.nextRecordsUrl;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return count;
  }

  private static Page readPage(JsonParser parser, java.util.function.Consumer<String> perRecord) throws IOException {
    Page page = new Page();
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("nextRecordsUrl")) {
        page.nextRecordsUrl = value == JsonToken.VALUE_NULL ? null : parser.getText();
      } else if (name.equals("records")) {
        expect(value, JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          perRecord.accept(readRecord(parser));
          page.records++;
        }
      } else {
        parser.skipChildren();
      }
    }
    return page;
  }

  /** Reads one record's fields (values as text, {@code attributes} included); returns its Id. */
  private static String readRecord(JsonParser parser) throws IOException {
    String id = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          parser.nextToken();
          parser.getText();
        }
      } else if (value != JsonToken.VALUE_NULL) {
        String text = parser.getText();
        if (field.equals("Id")) {
          id = text;
        }
      }
    }
    return id;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but got " + actual);
    }
  }

  /** One page's outcome. */
  private static final class Page {
    String nextRecordsUrl;
    long records;
  }
}
