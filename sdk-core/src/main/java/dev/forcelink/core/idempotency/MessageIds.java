package dev.forcelink.core.idempotency;

import java.util.Objects;

/** Checks message ids the same way in every ledger. */
final class MessageIds {
  private MessageIds() {}

  static String requireValid(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank()) {
      throw new IllegalArgumentException("A message id must not be blank");
    }
    if (messageId.length() > ProcessedMessageLedger.MAX_MESSAGE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "A message id has at most "
              + ProcessedMessageLedger.MAX_MESSAGE_ID_LENGTH
              + " characters, got "
              + messageId.length());
    }
    return messageId;
  }
}
