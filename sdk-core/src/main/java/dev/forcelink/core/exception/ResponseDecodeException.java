package dev.forcelink.core.exception;

/**
 * A response arrived but could not be decoded (malformed JSON, CSV or Avro, or an unexpected shape).
 * The message holds a bounded excerpt of the offending body, never the whole body.
 *
 * <p>Immutable once thrown.
 */
public class ResponseDecodeException extends ForcelinkClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be decoded, with a bounded excerpt
   * @param cause the parser's exception, or null
   * @param correlationId the correlation id, or null
   */
  public ResponseDecodeException(String message, Throwable cause, String correlationId) {
    super(message, cause, correlationId, false);
  }
}
