package dev.forcelink.rest;

import dev.forcelink.core.idempotency.IdempotencyKey;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link UiApiClient}: the same requests and keys, returning futures
 * built on {@code SalesforceConnection.sendAsync}.
 *
 * <p>Immutable and thread-safe; get it from {@link RestAsyncClient#uiApi()}.
 */
public final class UiApiAsyncClient {
  private final RestOperations ops;
  private final Transport transport;

  UiApiAsyncClient(RestOperations ops, Transport transport) {
    this.ops = ops;
    this.transport = transport;
  }

  /**
   * Creates a record; see {@link UiApiClient#createRecord(String, Map, IdempotencyKey)}.
   *
   * @param apiName the object
   * @param fields field name to value
   * @param key the idempotency key, or null to make one for this call
   * @return a future of the created record; fails with the exceptions the sync call throws
   */
  public CompletableFuture<UiRecord> createRecord(String apiName, Map<String, ?> fields, IdempotencyKey key) {
    return RestAsyncClient.guard(() -> transport.executeAsync(ops.uiCreate(apiName, fields, key)));
  }

  /**
   * Updates a record; see {@link UiApiClient#updateRecord(String, Map, IdempotencyKey)}.
   *
   * @param recordId a 15- or 18-character id
   * @param fields field name to value
   * @param key the idempotency key, or null to make one for this call
   * @return a future of the updated record
   */
  public CompletableFuture<UiRecord> updateRecord(String recordId, Map<String, ?> fields, IdempotencyKey key) {
    return RestAsyncClient.guard(() -> transport.executeAsync(ops.uiUpdate(recordId, fields, key)));
  }
}
