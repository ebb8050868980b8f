package dev.forcelink.rest.internal.json;

import dev.forcelink.rest.SObject;
import java.lang.invoke.MethodHandles;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Lets the decoder hand a freshly built field map to {@link SObject} without the defensive copy
 * the public factories make: decoding is the hot path of every query, and the map is never seen
 * by anyone else. {@link SObject} registers the factory when its class initialises.
 *
 * <p>Thread-safe. Internal to Forcelink.
 */
public final class SObjectAccess {
  private static volatile BiFunction<String, LinkedHashMap<String, Object>, SObject> factory;

  private SObjectAccess() {}

  /**
   * Registers the factory; called once by {@link SObject}.
   *
   * @param f wraps a map the caller gives up
   */
  public static void register(BiFunction<String, LinkedHashMap<String, Object>, SObject> f) {
    factory = Objects.requireNonNull(f, "factory");
  }

  /**
   * Wraps a map as a record without copying it. The caller must not touch the map afterwards.
   *
   * @param type the sObject type, or null
   * @param fields the fields, given up by the caller
   * @return the record
   */
  public static SObject wrap(String type, LinkedHashMap<String, Object> fields) {
    BiFunction<String, LinkedHashMap<String, Object>, SObject> f = factory;
    if (f == null) {
      try {
        MethodHandles.lookup().ensureInitialized(SObject.class);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("SObject could not be initialised", e);
      }
      f = factory;
    }
    return f.apply(type, fields);
  }
}
