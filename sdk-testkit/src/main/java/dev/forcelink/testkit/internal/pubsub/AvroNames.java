package dev.forcelink.testkit.internal.pubsub;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks names before Avro sees them, so a bad description fails with a message that says why. */
final class AvroNames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AvroNames() {}

  static void check(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!VALID.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " \"" + name + "\": use letters, digits and underscores, not starting with a digit");
    }
  }

  static void checkUnique(List<String> names, String where) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("Duplicate field " + name + " in " + where);
      }
    }
  }
}
