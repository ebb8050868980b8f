package dev.forcelink.rest;

import dev.forcelink.core.idempotency.IdempotencyKey;
import java.util.Map;

/**
 * The UI API's idempotent record writes ({@code /ui-api/records}). Each call carries an
 * {@code Idempotency-Key}: the caller's, or one made once for the call; every retry of the call
 * sends the same key, so Salesforce returns the first outcome instead of writing twice. That is
 * why these writes, unlike {@link RestClient#create(SObject)}, are retried after a dropped
 * connection.
 *
 * <p>Immutable and thread-safe; get it from {@link RestClient#uiApi()}.
 */
public final class UiApiClient {
  private final RestOperations ops;
  private final Transport transport;

  UiApiClient(RestOperations ops, Transport transport) {
    this.ops = ops;
    this.transport = transport;
  }

  /**
   * Creates a record ({@code POST /ui-api/records}).
   *
   * @param apiName the object, such as {@code Account}
   * @param fields field name to value (null values are written as null)
   * @param key the idempotency key; pass {@link IdempotencyKey#derived} to make retries across
   *     processes safe, or null to make one for this call
   * @return the created record
   * @throws IllegalArgumentException if the object name is malformed
   */
  public UiRecord createRecord(String apiName, Map<String, ?> fields, IdempotencyKey key) {
    return transport.execute(ops.uiCreate(apiName, fields, key));
  }

  /**
   * Creates a record with a key made for this call.
   *
   * @param apiName the object
   * @param fields field name to value
   * @return the created record
   */
  public UiRecord createRecord(String apiName, Map<String, ?> fields) {
    return createRecord(apiName, fields, null);
  }

  /**
   * Updates a record ({@code PATCH /ui-api/records/{id}}).
   *
   * @param recordId a 15- or 18-character id
   * @param fields field name to value
   * @param key the idempotency key, or null to make one for this call
   * @return the updated record
   * @throws IllegalArgumentException if the id is malformed
   */
  public UiRecord updateRecord(String recordId, Map<String, ?> fields, IdempotencyKey key) {
    return transport.execute(ops.uiUpdate(recordId, fields, key));
  }

  /**
   * Updates a record with a key made for this call.
   *
   * @param recordId a 15- or 18-character id
   * @param fields field name to value
   * @return the updated record
   */
  public UiRecord updateRecord(String recordId, Map<String, ?> fields) {
    return updateRecord(recordId, fields, null);
  }
}
