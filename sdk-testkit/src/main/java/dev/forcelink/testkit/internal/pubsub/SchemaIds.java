package dev.forcelink.testkit.internal.pubsub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.apache.avro.Schema;

/**
 * Schema ids, as {@code TopicInfo.schema_id}, {@code ProducerEvent.schema_id} and
 * {@code GetSchema} use them: a fingerprint string that is the same for the same schema in every
 * run and differs between schemas.
 *
 * <p>The id is the first 16 bytes of the SHA-256 of the schema's full JSON ({@link Schema#toString()}),
 * in unpadded base64url (22 characters). The full JSON and not Avro's parsing canonical form is
 * hashed, because the canonical form drops logical types and defaults: a {@code date} field and an
 * {@code int} field would otherwise share an id while their schema JSON differs.
 *
 * <p>Stateless and thread-safe.
 */
public final class SchemaIds {
  private SchemaIds() {}

  /**
   * Returns the id of a schema.
   *
   * @param schema the schema
   * @return its id, 22 characters of base64url
   * @throws NullPointerException if {@code schema} is null
   */
  public static String of(Schema schema) {
    byte[] json = schema.toString().getBytes(StandardCharsets.UTF_8);
    byte[] digest = sha256().digest(json);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides SHA-256", e);
    }
  }
}
