package dev.forcelink.rest.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.forcelink.core.internal.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Jackson mappers behind record binding, built once from the shared configuration
 * ({@link Json}): the read side matches JSON names to properties without case (Salesforce's
 * {@code Name} fills a Java {@code name}) and ignores {@code attributes} and unknown fields; the
 * write side leaves out null properties unless a property says {@code @JsonInclude(ALWAYS)}, and
 * writes datetimes in Salesforce's form.
 *
 * <p>Thread-safe; never reconfigure the mappers. Internal to Forcelink.
 */
public final class RecordMapper {
  private static final ObjectMapper READ = ((JsonMapper) Json.newMapper()).rebuild()
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
      .build();
  private static final ObjectMapper WRITE = ((JsonMapper) Json.newMapper()).rebuild()
      .addModule(salesforceFormats())
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.NON_NULL))
      .build();

  private RecordMapper() {}

  /**
   * Returns the mapper that binds records to user classes.
   *
   * @return the read mapper; thread-safe
   */
  public static ObjectMapper mapper() {
    return READ;
  }

  /**
   * Returns the writer for user objects (nulls left out, Salesforce datetime forms).
   *
   * @return the writer; thread-safe
   */
  public static ObjectWriter writer() {
    return WRITE.writer();
  }

  /**
   * Returns the JSON factory (with the shared nesting limits) for parsers and generators.
   *
   * @return the factory
   */
  public static JsonFactory factory() {
    return READ.getFactory();
  }

  /**
   * Converts a user object to an ordered property map with the write rules.
   *
   * @param pojo the object
   * @return name to JSON-shaped value, in property order
   * @throws IllegalArgumentException if Jackson cannot serialize the object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> pojoToMap(Object pojo) {
    return WRITE.convertValue(pojo, LinkedHashMap.class);
  }

  /**
   * Describes a Jackson failure without the location noise.
   *
   * @param e the failure
   * @return a short message
   */
  public static String describe(IOException e) {
    return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
  }

  private static SimpleModule salesforceFormats() {
    SimpleModule formats = new SimpleModule("forcelink-salesforce-formats");
    add(formats, Instant.class, SalesforceFormats::dateTime);
    add(formats, OffsetDateTime.class, SalesforceFormats::dateTime);
    add(formats, ZonedDateTime.class, SalesforceFormats::dateTime);
    add(formats, LocalTime.class, SalesforceFormats::time);
    return formats;
  }

  private static <T> void add(SimpleModule module, Class<T> type, Function<T, String> format) {
    module.addSerializer(type, new JsonSerializer<T>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(format.apply(value));
      }
    });
  }
}
