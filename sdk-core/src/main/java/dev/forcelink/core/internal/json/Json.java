package dev.forcelink.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The shared Jackson {@link ObjectMapper} of every Forcelink module: nesting depth capped at
 * {@value #MAX_NESTING_DEPTH} (deeper documents fail cleanly instead of overflowing the stack),
 * unknown properties ignored, and {@code java.time} values read and written as ISO-8601 strings
 * without extra modules. Salesforce's datetime form {@code 2013-05-20T20:49:32.000+0000} (offset
 * without a colon) is accepted as well as standard ISO text.
 *
 * <p>The mapper is configured once and thread-safe; do not reconfigure it. Use
 * {@link #newMapper()} for a private copy to customise. Internal to Forcelink.
 */
public final class Json {
  /** Deepest nesting accepted; Jackson's own default (1000) can overflow the stack. */
  public static final int MAX_NESTING_DEPTH = 500;

  /** Salesforce datetimes: ISO local date-time, then an offset with or without a colon, or Z. */
  public static final DateTimeFormatter SALESFORCE_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private static final ObjectMapper SHARED = newMapper();

  private Json() {}

  /**
   * Returns the shared mapper.
   *
   * @return the mapper; thread-safe, never reconfigure it
   */
  public static ObjectMapper mapper() {
    return SHARED;
  }

  /**
   * Creates a new mapper with the shared configuration, for callers that must customise it.
   *
   * @return a new mapper
   */
  public static ObjectMapper newMapper() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
        .build();
    SimpleModule time = new SimpleModule("forcelink-java-time");
    add(time, Instant.class, Json::parseInstant, Instant::toString);
    add(time, OffsetDateTime.class, Json::parseOffsetDateTime,
        v -> v.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    add(time, ZonedDateTime.class, ZonedDateTime::parse, v -> v.format(DateTimeFormatter.ISO_ZONED_DATE_TIME));
    add(time, LocalDate.class, LocalDate::parse, LocalDate::toString);
    add(time, LocalDateTime.class, LocalDateTime::parse, LocalDateTime::toString);
    add(time, LocalTime.class, Json::parseLocalTime, LocalTime::toString);
    add(time, Duration.class, Duration::parse, Duration::toString);
    return JsonMapper.builder(factory)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .addModule(time)
        .build();
  }

  /**
   * Parses an instant in ISO-8601 or Salesforce form.
   *
   * @param text such as {@code 2013-05-20T20:49:32.000+0000} or {@code 2013-05-20T20:49:32Z}
   * @return the instant
   * @throws DateTimeParseException if the text is neither
   */
  public static Instant parseInstant(String text) {
    return parseOffsetDateTime(text).toInstant();
  }

  /**
   * Parses an offset date-time in ISO-8601 or Salesforce form.
   *
   * @param text the text
   * @return the date-time
   * @throws DateTimeParseException if the text is neither form
   */
  public static OffsetDateTime parseOffsetDateTime(String text) {
    return OffsetDateTime.parse(text.trim(), SALESFORCE_DATE_TIME);
  }

  /** Salesforce time fields look like {@code 13:30:00.000Z}; the zone is always UTC. */
  private static LocalTime parseLocalTime(String text) {
    String t = text.trim();
    return LocalTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t);
  }

  private static <T> void add(SimpleModule module, Class<T> type, Function<String, T> parse,
      Function<T, String> format) {
    module.addDeserializer(type, new JsonDeserializer<T>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          return type.cast(ctxt.handleUnexpectedToken(type, p));
        }
        String text = p.getText();
        if (text.isBlank()) {
          return null;
        }
        try {
          return parse.apply(text);
        } catch (DateTimeParseException e) {
          return type.cast(ctxt.handleWeirdStringValue(type, text, "not an ISO-8601 %s", type.getSimpleName()));
        }
      }
    });
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(format.apply(value));
      }
    });
  }
}
