package dev.forcelink.pubsub;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event to publish with an id of the caller's choosing (the {@code ProducerEvent.id}, echoed as
 * the result's correlation key). Publishing a bare payload instead gets a random UUID.
 *
 * <p>The payload is an Avro {@code GenericRecord} written with the topic's schema, a {@code Map} of
 * field names to values, or any object that Jackson turns into such a map. Immutable if the payload
 * is; thread-safe then.
 */
public final class OutgoingEvent {
  private final String id;
  private final Object payload;

  private OutgoingEvent(String id, Object payload) {
    this.id = id;
    this.payload = payload;
  }

  /**
   * Wraps a payload with a new random UUID as its id.
   *
   * @param payload the payload
   * @return the event
   * @throws NullPointerException if {@code payload} is null
   */
  public static OutgoingEvent of(Object payload) {
    return of(UUID.randomUUID().toString(), payload);
  }

  /**
   * Wraps a payload with the given id.
   *
   * @param id the event id, unique per event
   * @param payload the payload
   * @return the event
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code id} is blank or the payload is itself an {@code
   *     OutgoingEvent}
   */
  public static OutgoingEvent of(String id, Object payload) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payload, "payload");
    if (id.isBlank()) {
      throw new IllegalArgumentException("An event id must not be blank");
    }
    if (payload instanceof OutgoingEvent) {
      throw new IllegalArgumentException("The payload is already an OutgoingEvent; pass its payload");
    }
    return new OutgoingEvent(id, payload);
  }

  /**
   * Returns the event id.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the payload.
   *
   * @return the payload
   */
  public Object payload() {
    return payload;
  }

  /**
   * Returns the id if {@code event} is an {@code OutgoingEvent}.
   *
   * @param event any value accepted by publish
   * @return its id, if it carries one
   */
  static Optional<String> idOf(Object event) {
    return event instanceof OutgoingEvent e ? Optional.of(e.id) : Optional.empty();
  }

  /** Returns the id and the payload's type, not its content. */
  @Override
  public String toString() {
    return "OutgoingEvent{id=" + id + ", payload=" + payload.getClass().getName() + "}";
  }
}
