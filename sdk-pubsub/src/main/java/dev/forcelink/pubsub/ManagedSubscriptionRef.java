package dev.forcelink.pubsub;

import java.util.Objects;

/**
 * Names a managed subscription (a {@code ManagedEventSubscription} record) by its developer name or
 * by its id. Immutable and thread-safe.
 */
public final class ManagedSubscriptionRef {
  private final String developerName;
  private final String subscriptionId;

  private ManagedSubscriptionRef(String developerName, String subscriptionId) {
    this.developerName = developerName;
    this.subscriptionId = subscriptionId;
  }

  /**
   * Names the subscription by its developer name.
   *
   * @param developerName such as {@code Order_Sync}
   * @return the reference
   * @throws IllegalArgumentException if blank
   */
  public static ManagedSubscriptionRef developerName(String developerName) {
    return new ManagedSubscriptionRef(nonBlank(developerName, "developerName"), null);
  }

  /**
   * Names the subscription by its 15- or 18-character record id.
   *
   * @param subscriptionId the id
   * @return the reference
   * @throws IllegalArgumentException if blank
   */
  public static ManagedSubscriptionRef subscriptionId(String subscriptionId) {
    return new ManagedSubscriptionRef(null, nonBlank(subscriptionId, "subscriptionId"));
  }

  private static String nonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Returns the developer name, or null when named by id.
   *
   * @return the developer name or null
   */
  public String developerNameOrNull() {
    return developerName;
  }

  /**
   * Returns the id, or null when named by developer name.
   *
   * @return the id or null
   */
  public String subscriptionIdOrNull() {
    return subscriptionId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManagedSubscriptionRef other
        && Objects.equals(developerName, other.developerName)
        && Objects.equals(subscriptionId, other.subscriptionId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(developerName, subscriptionId);
  }

  /** Returns {@code developerName:X} or {@code subscriptionId:X}. */
  @Override
  public String toString() {
    return developerName != null ? "developerName:" + developerName : "subscriptionId:" + subscriptionId;
  }
}
